package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuTimesTest {

    @Test
    void dividesWhatEachProcessUsedBetweenTwoMomentsByTheOperations() {
        Map<String, Duration> before = new LinkedHashMap<>();
        before.put("store", Duration.ofSeconds(10));
        before.put("command-side", Duration.ofSeconds(4));
        before.put("query-side", Duration.ofSeconds(1));
        Map<String, Duration> after = new LinkedHashMap<>();
        after.put("store", Duration.ofSeconds(12));
        after.put("command-side", Duration.ofSeconds(5));

        String line = CpuTimes.of(before).perOperation(CpuTimes.of(after), "command", 1000);

        assertThat(line).isEqualTo("CPU per command: store 2.00 ms, command-side 1.00 ms (3.00 ms)");
    }

    @Test
    void saysNothingWithoutOperationsOrProcesses() {
        Map<String, Duration> used = Map.of("store", Duration.ofSeconds(1));

        assertThat(CpuTimes.of(used).perOperation(CpuTimes.of(used), "command", 0)).isEmpty();
        assertThat(CpuTimes.of(Map.of()).perOperation(CpuTimes.of(used), "command", 10)).isEmpty();
    }
}
