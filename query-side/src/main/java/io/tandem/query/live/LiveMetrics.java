package io.tandem.query.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Micrometer meters of the live push: {@code tandem.live.sessions} (connected STOMP sessions on this node) and
 * {@code tandem.live.push.latency} (from the event's timestamp to its push, tagged by topic kind).
 */
@Component
class LiveMetrics {

    private final Set<String> sessions = ConcurrentHashMap.newKeySet();
    private final Map<ProductTopic.Kind, Timer> latency = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    LiveMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("tandem.live.sessions", sessions, Set::size)
                .description("Connected STOMP sessions on this node")
                .register(registry);
    }

    @EventListener
    void on(SessionConnectedEvent connected) {
        String sessionId = SimpMessageHeaderAccessor.getSessionId(connected.getMessage().getHeaders());
        if (sessionId != null) {
            sessions.add(sessionId);
        }
    }

    @EventListener
    void on(SessionDisconnectEvent disconnected) {
        sessions.remove(disconnected.getSessionId());
    }

    /** Records a push of something that happened at {@code since} (ignored when unknown). */
    void pushed(ProductTopic.Kind kind, Instant since) {
        if (since == null) {
            return;
        }
        Duration elapsed = Duration.between(since, Instant.now());
        latency.computeIfAbsent(kind, k -> Timer.builder("tandem.live.push.latency")
                        .description("Time from an event to its live push")
                        .tag("topic", k.segment())
                        .publishPercentiles(0.5, 0.95, 0.99)
                        .register(registry))
                .record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
