package io.tandem.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tandem.query.decisions.DecisionLogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLogExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final DecisionLogExporter exporter = new DecisionLogExporter(JSON);

    @Test
    void writesAHeaderRowAndOneCsvRecordPerEntry() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = exporter.export(entries(2), ExportFormat.CSV, out);

        assertThat(written).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "globalPosition,timestamp,actor,role,type,item,before,after,rationale,sentence\r\n"
                + "1,2026-03-01T09:30:01Z,po,PRODUCT_OWNER,BacklogItemReprioritized,item-1,3,'-1,"
                + "\"'=SUM(A1), \"\"urgent\"\"\",po moved item 1 – größer\r\n"
                + "2,2026-03-01T09:30:02Z,po,PRODUCT_OWNER,BacklogItemReprioritized,item-2,3,'-1,"
                + "\"'=SUM(A1), \"\"urgent\"\"\",po moved item 2 – größer\r\n");
    }

    @Test
    void writesOneJsonObjectPerLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        exporter.export(entries(3), ExportFormat.JSONL, out);

        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertThat(lines).hasSize(4);
        assertThat(lines[3]).isEmpty();
        JsonNode first = JSON.readTree(lines[0]);
        assertThat(first.get("globalPosition").asLong()).isEqualTo(1);
        assertThat(first.get("rationale").asText()).isEqualTo("=SUM(A1), \"urgent\"");
        assertThat(first.get("timestamp").asText()).isEqualTo("2026-03-01T09:30:01Z");
        assertThat(JSON.readTree(lines[2]).get("sentence").asText()).isEqualTo("po moved item 3 – größer");
    }

    @Test
    void streamsEntryByEntryAndFlushesLongBeforeTheSourceIsExhausted() throws IOException {
        int total = 20_000;
        CountingStream out = new CountingStream();
        List<Long> bytesSeenWhileProducing = new ArrayList<>();
        DecisionLogSource lazy = sink -> {
            for (int i = 1; i <= total; i++) {
                sink.accept(entry(i));
                if (i % 1000 == 0) {
                    bytesSeenWhileProducing.add(out.bytes);
                }
            }
        };

        long written = exporter.export(lazy, ExportFormat.CSV, out);

        assertThat(written).isEqualTo(total);
        assertThat(out.lines).isEqualTo(total + 1);
        assertThat(bytesSeenWhileProducing).hasSize(total / 1000).isSorted();
        // output reached the response while the source was still producing, growing step by step
        assertThat(bytesSeenWhileProducing.get(0)).isPositive();
        assertThat(bytesSeenWhileProducing).doesNotHaveDuplicates();
        assertThat(out.flushes).isGreaterThanOrEqualTo(total / DecisionLogExporter.FLUSH_EVERY);
        assertThat(out.closed).isFalse();
    }

    @Test
    void stopsTheSourceWhenTheClientGoesAway() {
        OutputStream broken = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        int[] produced = {0};
        DecisionLogSource source = sink -> {
            for (int i = 1; i <= 100_000; i++) {
                produced[0]++;
                sink.accept(entry(i));
            }
        };

        assertThatThrownBy(() -> exporter.export(source, ExportFormat.JSONL, broken))
                .isInstanceOf(IOException.class).hasMessage("Broken pipe");
        assertThat(produced[0]).isLessThan(1000);
    }

    private static DecisionLogSource entries(int count) {
        return sink -> {
            for (int i = 1; i <= count; i++) {
                sink.accept(entry(i));
            }
        };
    }

    private static DecisionLogEntry entry(int i) {
        return new DecisionLogEntry("event-" + i, "product-1", i, Instant.parse("2026-03-01T09:30:00Z").plusSeconds(i),
                "po", "PRODUCT_OWNER", "BacklogItemReprioritized", "po moved item " + i + " – größer", "item-" + i,
                "3", "-1", "=SUM(A1), \"urgent\"");
    }

    /** Counts what reaches the "response": bytes, lines and flushes; keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long bytes;
        long lines;
        int flushes;
        boolean closed;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            for (int i = offset; i < offset + length; i++) {
                write(buffer[i]);
            }
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
