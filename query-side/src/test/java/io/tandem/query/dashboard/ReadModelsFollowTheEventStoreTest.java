package io.tandem.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.Urgency;
import io.tandem.query.decisions.DecisionLogEntry;
import io.tandem.query.decisions.DecisionLogFilter;
import io.tandem.query.decisions.DecisionLogQueries;
import io.tandem.query.membership.Membership;
import io.tandem.query.updates.AlertChanged;
import io.tandem.query.updates.DashboardUpdated;
import io.tandem.query.updates.DecisionLogged;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.context.ActiveProfiles;

/**
 * The read models behind the real processors: events appended to the store reach the dashboard, the decision log
 * and membership, carrying their global positions, and the updates are published as Spring events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tandem.store.embedded.enabled=true",
        "tandem.store.embedded.backend=memory",
        "tandem.store.embedded.port=0"})
@ActiveProfiles("demo")
class ReadModelsFollowTheEventStoreTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    DashboardQueries dashboards;
    @Autowired
    DecisionLogQueries decisions;
    @Autowired
    Membership membership;
    @Autowired
    ConfigurableApplicationContext context;

    private final List<Object> published = new CopyOnWriteArrayList<>();
    private final String productId = UUID.randomUUID().toString();

    @BeforeEach
    void listen() {
        context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) event -> {
            if (event.getPayload() instanceof DashboardUpdated || event.getPayload() instanceof AlertChanged
                    || event.getPayload() instanceof DecisionLogged) {
                published.add(event.getPayload());
            }
        });
    }

    @Test
    void appendedEventsReachEveryReadModelAndAreAnnounced() {
        append(productId, 0, new ProductCreatedEvent(productId, "Checkout", "One click"));
        append(productId, 1, new RoleGrantedEvent(productId, "pm", Role.PRODUCT_MANAGER));
        append(productId, 2, new RoadmapItemPlannedEvent(productId, "r1", "One-click pay", "", Horizon.NOW,
                List.of(), "churn"));
        append("f-" + productId, 0, new FeedbackReceivedEvent(productId, "f-" + productId, FeedbackChannel.EMAIL,
                null, "Too many clicks", Urgency.HIGH));
        append(productId, 3, new BacklogItemAddedEvent(productId, "b1", "Store cards", BacklogItemKind.STORY, "r1",
                1));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(dashboards.current(productId)).hasValueSatisfying(view -> {
                assertThat(view.version()).isEqualTo(5);
                assertThat(view.roadmap().now().get(0).openBacklogCount()).isEqualTo(1);
                assertThat(view.feedback().untriaged()).isEqualTo(1);
            });
            assertThat(decisions.find(productId, DecisionLogFilter.none(), null, 10).entries()).hasSize(5);
            assertThat(membership.isMember(productId, "pm")).isTrue();
        });

        List<Long> positions = decisions.find(productId, DecisionLogFilter.none(), null, 10).entries().stream()
                .map(DecisionLogEntry::globalPosition).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates().allMatch(position -> position >= 0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(ofProduct(DecisionLogged.class)).hasSize(5);
            assertThat(ofProduct(DashboardUpdated.class)).extracting(u -> u.dashboard().version()).contains(5L);
            assertThat(ofProduct(AlertChanged.class)).extracting(AlertChanged::active).containsExactly(true, false);
        });
    }

    private <T> List<T> ofProduct(Class<T> type) {
        return published.stream().filter(type::isInstance).map(type::cast)
                .filter(update -> update.toString().contains(productId)).toList();
    }

    private void append(String aggregateId, long sequence, Object payload) {
        String type = payload instanceof FeedbackReceivedEvent ? "FeedbackItem" : "ProductPlan";
        eventStore.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                Map.of("actor", "pm", "role", Role.PRODUCT_MANAGER.name())));
    }
}
