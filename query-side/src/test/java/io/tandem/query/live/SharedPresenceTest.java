package io.tandem.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.decisions.MongoTestSupport;
import io.tandem.query.decisions.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Two nodes' presence reports on one database, as two query-side nodes share them. */
class SharedPresenceTest {

    private final MongoDatabase database = MongoTestSupport.freshDatabase();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final LiveProperties properties = new LiveProperties(List.of("http://localhost:8080"),
            Duration.ofMillis(250), org.springframework.util.unit.DataSize.ofKilobytes(8), Duration.ofSeconds(10),
            Duration.ofSeconds(30), new LiveProperties.Relay(false, "127.0.0.1", 61613, "guest", "guest", "/"));
    private final SharedPresence nodeA = new SharedPresence(database, properties, clock);
    private final SharedPresence nodeB = new SharedPresence(database, properties, clock);

    @Test
    void everyNodeSeesTheWatchersOfAllNodes() {
        nodeA.vouch("p1", Set.of("pm", "viewer"));
        nodeB.vouch("p1", Set.of("po", "pm"));
        nodeB.vouch("p2", Set.of("contributor"));

        assertThat(nodeA.watchers("p1")).containsExactly("pm", "po", "viewer");
        assertThat(nodeB.watchers("p1")).containsExactly("pm", "po", "viewer");
        assertThat(nodeA.watchers("p2")).containsExactly("contributor");
        assertThat(nodeA.watchers("p3")).isEmpty();
    }

    @Test
    void aNodeWithoutWatchersLeavesOnlyTheOthers() {
        nodeA.vouch("p1", Set.of("pm"));
        nodeB.vouch("p1", Set.of("po"));

        nodeA.vouch("p1", Set.of());

        assertThat(nodeB.watchers("p1")).containsExactly("po");
    }

    @Test
    void aReportNotRefreshedWithinTheTtlNoLongerCounts() {
        nodeA.vouch("p1", Set.of("pm"));
        clock.advance(Duration.ofSeconds(20));
        nodeB.vouch("p1", Set.of("po"));
        assertThat(nodeB.watchers("p1")).containsExactly("pm", "po");

        clock.advance(Duration.ofSeconds(11));

        assertThat(nodeB.watchers("p1")).containsExactly("po");
        nodeA.vouch("p1", Set.of("pm"));
        assertThat(nodeB.watchers("p1")).containsExactly("pm", "po");
    }
}
