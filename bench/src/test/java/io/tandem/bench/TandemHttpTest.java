package io.tandem.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The harness reads client-side percentiles from a Prometheus scrape, series by exact name and labels. */
class TandemHttpTest {

    static final String SCRAPE = """
            # HELP tandem_live_push_latency_seconds Time from an event to its live push
            # TYPE tandem_live_push_latency_seconds summary
            tandem_live_push_latency_seconds{topic="dashboard",quantile="0.5"} 0.02490368
            tandem_live_push_latency_seconds{topic="dashboard",quantile="0.99"} 0.06684672
            tandem_live_push_latency_seconds_count{topic="dashboard"} 6668
            tandem_live_push_latency_seconds{topic="decisions",quantile="0.5"} 0.01769472
            """;

    @Test
    void findsTheSampleOfExactlyTheSeriesAsked() {
        assertThat(TandemHttp.prometheusSample(SCRAPE,
                "tandem_live_push_latency_seconds{topic=\"dashboard\",quantile=\"0.99\"}")).isEqualTo(0.06684672);
        assertThat(TandemHttp.prometheusSample(SCRAPE,
                "tandem_live_push_latency_seconds{topic=\"decisions\",quantile=\"0.5\"}")).isEqualTo(0.01769472);
    }

    @Test
    void answersNaNForASeriesTheScrapeDoesNotHold() {
        assertThat(TandemHttp.prometheusSample(SCRAPE,
                "tandem_live_push_latency_seconds{topic=\"dashboard\",quantile=\"0.95\"}")).isNaN();
        assertThat(TandemHttp.prometheusSample(SCRAPE, "tandem_live_push_latency_seconds")).isNaN();
    }
}
