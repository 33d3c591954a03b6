package io.tandem.query.dashboard;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.decisions.TestEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A product's history told through the reducer, with shortcuts for the usual decisions. No Spring, no MongoDB. */
final class Product {

    static final String ID = "p1";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final TestEvents events = new TestEvents(START);
    DashboardState state = DashboardState.empty(ID);
    /** Every event applied so far, in order. */
    final List<DecisionEvent> history = new ArrayList<>();

    /** A product "Checkout" created by pm, with po as product owner. */
    static Product created() {
        Product product = new Product();
        product.pm(new ProductCreatedEvent(ID, "Checkout", "Paying takes one click"));
        product.pm(new RoleGrantedEvent(ID, "pm", Role.PRODUCT_MANAGER));
        product.pm(new RoleGrantedEvent(ID, "po", Role.PRODUCT_OWNER));
        return product;
    }

    DecisionEvent pm(Object payload) {
        return apply(events.pm(payload));
    }

    DecisionEvent po(Object payload) {
        return apply(events.po(payload));
    }

    DecisionEvent apply(DecisionEvent event) {
        state = DashboardReducer.apply(state, event);
        history.add(event);
        return event;
    }

    Product later(Duration duration) {
        events.advance(duration);
        return this;
    }

    Product roadmap(String id, Horizon horizon) {
        pm(new RoadmapItemPlannedEvent(ID, id, "Title " + id, "About " + id, horizon, List.of(), "because"));
        return this;
    }

    Product reschedule(String id, Horizon from, Horizon to) {
        pm(new RoadmapItemRescheduledEvent(ID, id, from, to, "priorities changed"));
        return this;
    }

    /** Adds a backlog item at the bottom, serving {@code roadmapItemId} (null: none). */
    Product backlog(String id, String roadmapItemId) {
        po(new BacklogItemAddedEvent(ID, id, "Story " + id, BacklogItemKind.STORY, roadmapItemId,
                state.backlog.size() + 1));
        return this;
    }

    Product move(String id, int to) {
        po(new BacklogItemReprioritizedEvent(ID, id, state.backlogIndexOf(id) + 1, to, "customer asked"));
        return this;
    }

    Product feedback(String id, FeedbackChannel channel) {
        po(new FeedbackReceivedEvent(ID, id, channel, "cust-" + id, "Feedback text " + id, Urgency.HIGH));
        return this;
    }

    Product triage(String id, TriageOutcome outcome, String linkedItemId) {
        po(new FeedbackTriagedEvent(ID, id, outcome, linkedItemId, null,
                outcome == TriageOutcome.DECLINED ? "out of scope" : null));
        return this;
    }

    DashboardView view() {
        return DashboardViews.render(state, events.now());
    }

    DashboardView viewAt(Instant now) {
        return DashboardViews.render(state, now);
    }
}
