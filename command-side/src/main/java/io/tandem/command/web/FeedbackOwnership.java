package io.tandem.command.web;

import io.tandem.command.common.NotFoundException;
import io.tandem.events.FeedbackReceivedEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Checks that a feedback item addressed under {@code /api/products/{productId}/feedback/{feedbackId}} belongs to
 * that product, so a member of one product cannot reach another product's feedback through its own URL.
 *
 * <p>The triage command names only the feedback, so the check reads the feedback's first event (sequence 0,
 * never a snapshot) from the event store: an indexed aggregate read, and the product of a feedback item never
 * changes, so checking before dispatch cannot race.
 */
@Component
class FeedbackOwnership {

    private final EventStore eventStore;

    FeedbackOwnership(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    void requireBelongsTo(String feedbackId, String productId) {
        DomainEventStream events = eventStore.readEvents(feedbackId, 0);
        if (!events.hasNext()) {
            throw new NotFoundException("Feedback " + feedbackId + " does not exist in product " + productId + ".");
        }
        DomainEventMessage<?> first = events.next();
        if (!(first.getPayload() instanceof FeedbackReceivedEvent received)
                || !productId.equals(received.productId())) {
            throw new NotFoundException("Feedback " + feedbackId + " does not exist in product " + productId + ".");
        }
    }
}
