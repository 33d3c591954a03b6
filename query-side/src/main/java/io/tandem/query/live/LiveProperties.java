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
 * @param presenceTtl           how long a node's report of who watches a product counts without being refreshed (a
 *                              node refreshes its reports three times per TTL; a dead node's watchers vanish after it)
 * @param relay                 the STOMP broker that carries pushes between query-side nodes (off: the in-memory
 *                              broker, pushes reach this node's sessions only)
 */
@ConfigurationProperties("tandem.live")
record LiveProperties(
        @DefaultValue({"http://localhost:8080", "http://127.0.0.1:8080"}) List<String> allowedOrigins,
        @DefaultValue("250ms") Duration dashboardPushInterval,
        @DefaultValue("8KB") DataSize messageSizeLimit,
        @DefaultValue("10s") Duration heartbeat,
        @DefaultValue("30s") Duration presenceTtl,
        @DefaultValue Relay relay) {

    /**
     * A STOMP broker relay ({@code tandem.live.relay.*}), e.g. RabbitMQ with its STOMP plugin. Every client session
     * gets its own broker connection under {@code login}; the node's own pushes share one system connection.
     *
     * @param enabled     relay to the broker instead of using the in-memory one
     * @param host        the broker's host
     * @param port        its STOMP port
     * @param login       the broker user for client and system connections (never a Tandem user)
     * @param passcode    its password
     * @param virtualHost the broker's virtual host, sent as the STOMP {@code host} header
     */
    record Relay(@DefaultValue("false") boolean enabled,
                 @DefaultValue("127.0.0.1") String host,
                 @DefaultValue("61613") int port,
                 @DefaultValue("guest") String login,
                 @DefaultValue("guest") String passcode,
                 @DefaultValue("/") String virtualHost) {
    }

    LiveProperties {
        allowedOrigins = List.copyOf(allowedOrigins);
        if (allowedOrigins.stream().anyMatch(origin -> origin.contains("*"))) {
            throw new IllegalArgumentException("tandem.live.allowed-origins must list origins, not patterns or '*'");
        }
        if (dashboardPushInterval.isNegative() || dashboardPushInterval.isZero()) {
            throw new IllegalArgumentException("tandem.live.dashboard-push-interval must be positive");
        }
        if (presenceTtl.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("tandem.live.presence-ttl must be at least 3s");
        }
    }

    int messageSizeLimitBytes() {
        return Math.toIntExact(messageSizeLimit.toBytes());
    }
}
