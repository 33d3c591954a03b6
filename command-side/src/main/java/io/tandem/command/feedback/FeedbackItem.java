package io.tandem.command.feedback;

import io.tandem.command.common.CommandMetaData;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Role;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One piece of customer feedback, kept out of the product plan because intake is high-volume. Its commands need the
 * product's members and items, so {@link FeedbackCommandHandler} decides them and calls into this aggregate to apply
 * the events; the aggregate itself guards only what is its own: not repeating an identical triage.
 */
@Aggregate(cache = "aggregateCache")
public class FeedbackItem {

    @AggregateIdentifier
    private String feedbackId;
    private String productId;
    private FeedbackTriagedEvent lastTriage;

    FeedbackItem() {
        // rebuilt from its events by Axon
    }

    FeedbackItem(FeedbackReceivedEvent received, String actor, Role role) {
        AggregateLifecycle.apply(received, CommandMetaData.eventMetaData(actor, role));
    }

    String productId() {
        return productId;
    }

    /** The feedback this one was last marked a duplicate of, or null. */
    String duplicateOfFeedbackId() {
        return lastTriage == null ? null : lastTriage.duplicateOfFeedbackId();
    }

    /** Applies the triage unless it repeats the last one exactly (same outcome, target and rationale). */
    void triage(FeedbackTriagedEvent triage, String actor, Role role) {
        if (!Objects.equals(triage, lastTriage)) {
            AggregateLifecycle.apply(triage, CommandMetaData.eventMetaData(actor, role));
        }
    }

    @EventSourcingHandler
    void on(FeedbackReceivedEvent event) {
        this.feedbackId = event.feedbackId();
        this.productId = event.productId();
    }

    @EventSourcingHandler
    void on(FeedbackTriagedEvent event) {
        this.lastTriage = event;
    }
}
