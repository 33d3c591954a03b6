package io.tandem.query.live;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Live push over STOMP ({@code tandem.live.*}).
 *
 * @param allowedOrigins        browser origins allowed to open the WebSocket besides the page's own origin
 *                              ({@code TANDEM_LIVE_ALLOWEDORIGINS}, comma-separated); never {@code *}
 * @param dashboardPushInterval the least time between two dashboard pushes of one product: bursts are coalesced and
 *                              the newest state is pushed at the end of the interval
 * @param messageSizeLimit      inbound STOMP frames larger than this are refused and the connection closed; clients
 *                              only send CONNECT, SUBSCRIBE and the like, and the servlet container allocates
 *                              buffers of twice this size for every session, so it stays small
 * @param heartbeat             STOMP heartbeat period offered to clients (0 = none)
 */
@ConfigurationProperties("tandem.live")
record LiveProperties(
        @DefaultValue({"http://localhost:8080", "http://127.0.0.1:8080"}) List<String> allowedOrigins,
        @DefaultValue("250ms") Duration dashboardPushInterval,
        @DefaultValue("8KB") DataSize messageSizeLimit,
        @DefaultValue("10s") Duration heartbeat) {

    LiveProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (allowedOrigins.stream().anyMatch(origin -> origin.contains("*"))) {
            throw new IllegalArgumentException("tandem.live.allowed-origins must list origins, not patterns or '*'");
        }
        if (dashboardPushInterval.isNegative() || dashboardPushInterval.isZero()) {
            throw new IllegalArgumentException("tandem.live.dashboard-push-interval must be positive");
        }
    }

    int messageSizeLimitBytes() {
        return Math.toIntExact(messageSizeLimit.toBytes());
    }
}
