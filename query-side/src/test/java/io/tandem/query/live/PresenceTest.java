package io.tandem.query.live;

import static io.tandem.query.live.LiveTestSupport.awaitMembers;
import static io.tandem.query.live.LiveTestSupport.dashboardTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tandem.events.Role;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class PresenceTest {

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    ProductHistory product;
    String presence;
    String dashboard;

    @BeforeEach
    void setUp() {
        product = ProductHistory.create(eventStore, "Watched", "pm").grant("po", Role.PRODUCT_OWNER)
                .grant("viewer", Role.VIEWER);
        awaitMembers(new Api(port), product.productId(), "pm", "po", "viewer");
        presence = "/topic/products/" + product.productId() + "/presence";
        dashboard = dashboardTopic(product.productId());
    }

    @Test
    void showsWhoIsWatchingTheDashboardAndDropsThemOnDisconnect() {
        try (StompProbe po = StompProbe.connect(port, "po")) {
            po.subscribe(presence);
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of().equals(watchers(po)));

            StompProbe pm = StompProbe.connect(port, "pm");
            pm.subscribe(dashboard);
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of("pm").equals(watchers(po)));

            po.subscribe(dashboard);
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of("pm", "po").equals(watchers(po)));

            pm.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of("po").equals(watchers(po)));
        }
    }

    @Test
    void aUserWithTwoSessionsIsOneWatcherUntilBothAreGone() {
        try (StompProbe viewer = StompProbe.connect(port, "viewer")) {
            viewer.subscribe(presence);
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of().equals(watchers(viewer)));
            StompProbe laptop = StompProbe.connect(port, "pm");
            StompProbe wall = StompProbe.connect(port, "pm");
            laptop.subscribe(dashboard);
            wall.subscribe(dashboard);
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of("pm").equals(watchers(viewer)));

            laptop.close();
            try (StompProbe latecomer = StompProbe.connect(port, "po")) {
                latecomer.subscribe(presence);
                await().atMost(Duration.ofSeconds(5)).until(() -> List.of("pm").equals(watchers(latecomer)));
            }
            wall.close();
            await().atMost(Duration.ofSeconds(5)).until(() -> List.of().equals(watchers(viewer)));
            assertThat(viewer.bodies(presence)).extracting(PresenceTest::names)
                    .containsExactly(List.of(), List.of("pm"), List.of());
        }
    }

    /** The watchers in the latest presence message, or null before the first. */
    private List<String> watchers(StompProbe probe) {
        List<JsonNode> messages = probe.bodies(presence);
        return messages.isEmpty() ? null : names(messages.get(messages.size() - 1));
    }

    private static List<String> names(JsonNode presence) {
        List<String> names = new ArrayList<>();
        presence.get("watchers").forEach(watcher -> names.add(watcher.asText()));
        return names;
    }
}
