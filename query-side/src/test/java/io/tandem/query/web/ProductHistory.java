package io.tandem.query.web;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.Urgency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

/**
 * Writes a product's history into the event store the way the command side does: domain events of the
 * {@code ProductPlan} (and {@code FeedbackItem}) aggregates, in sequence, with the actor and role as metadata.
 */
public final class ProductHistory {

    private static final String PLAN = "ProductPlan";
    private static final String FEEDBACK = "FeedbackItem";

    private final EventStore eventStore;
    private final String productId = UUID.randomUUID().toString();
    private final Map<String, Long> nextSequence = new HashMap<>();
    private int openBacklogItems;

    private ProductHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** A new product named {@code name}, created by {@code pm}, who becomes its product manager. */
    public static ProductHistory create(EventStore eventStore, String name, String pm) {
        ProductHistory history = new ProductHistory(eventStore);
        history.plan(new ProductCreatedEvent(history.productId, name, "Vision of " + name), pm,
                Role.PRODUCT_MANAGER);
        history.plan(new RoleGrantedEvent(history.productId, pm, Role.PRODUCT_MANAGER), pm, Role.PRODUCT_MANAGER);
        return history;
    }

    public String productId() {
        return productId;
    }

    public ProductHistory grant(String userId, Role role) {
        plan(new RoleGrantedEvent(productId, userId, role), "pm", Role.PRODUCT_MANAGER);
        return this;
    }

    /** Plans a roadmap item as pm; returns its id. */
    public String planRoadmapItem(String title, Horizon horizon) {
        String id = UUID.randomUUID().toString();
        plan(new RoadmapItemPlannedEvent(productId, id, title, "About " + title, horizon, List.of(), "Because"), "pm",
                Role.PRODUCT_MANAGER);
        return id;
    }

    public void reschedule(String roadmapItemId, Horizon from, Horizon to, String rationale) {
        plan(new RoadmapItemRescheduledEvent(productId, roadmapItemId, from, to, rationale), "pm",
                Role.PRODUCT_MANAGER);
    }

    /** Adds a backlog item at the bottom as po, optionally serving a roadmap item; returns its id. */
    public String addBacklogItem(String title, String roadmapItemId) {
        String id = UUID.randomUUID().toString();
        openBacklogItems++;
        plan(new BacklogItemAddedEvent(productId, id, title, BacklogItemKind.STORY, roadmapItemId, openBacklogItems),
                "po", Role.PRODUCT_OWNER);
        return id;
    }

    public void reprioritize(String backlogItemId, int from, int to, String rationale) {
        plan(new BacklogItemReprioritizedEvent(productId, backlogItemId, from, to, rationale), "po",
                Role.PRODUCT_OWNER);
    }

    /** Feedback received by e-mail, high urgency, submitted by {@code actor}; returns its id. */
    public String receiveFeedback(String text, String actor, Role role) {
        String id = UUID.randomUUID().toString();
        append(FEEDBACK, id, new FeedbackReceivedEvent(productId, id, FeedbackChannel.EMAIL, "customer-1",
                text, Urgency.HIGH), actor, role);
        return id;
    }

    private void plan(Object payload, String actor, Role role) {
        append(PLAN, productId, payload, actor, role);
    }

    private void append(String aggregateType, String aggregateId, Object payload, String actor, Role role) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload,
                MetaData.with("actor", actor).and("role", role.name())
                        .and("correlationId", UUID.randomUUID().toString())));
    }
}
