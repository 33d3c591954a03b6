package io.tandem.command.productplan;

import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.Texts;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.EventSourcingHandler;

/** The recorded decisions and held sync meetings of a product; only their ids matter for the rules. */
class Records {

    private final Set<String> ids = new HashSet<>();

    boolean contains(String id) {
        return ids.contains(id);
    }

    /**
     * Records a decision about known items; the caller has checked that its id is new.
     *
     * @throws NotFoundException when a related id is not an objective, roadmap or backlog item of the product
     */
    DecisionRecordedEvent record(String productId, RecordDecisionCommand c, Predicate<String> isKnownItem) {
        String title = Texts.requireTitle("title", c.title());
        String context = Texts.optionalText("context", c.context());
        String decision = Texts.requireText("decision", c.decision());
        String consequences = Texts.optionalText("consequences", c.consequences());
        List<String> related = Texts.requireIds("relatedItemIds", c.relatedItemIds());
        related.stream().filter(isKnownItem.negate()).findFirst().ifPresent(unknown -> {
            throw NotFoundException.of(unknown);
        });
        return new DecisionRecordedEvent(productId, c.decisionId(), title, context, decision, consequences, related);
    }

    /** Records a sync meeting with its attendees (user ids); the caller has checked that its id is new. */
    SyncMeetingHeldEvent hold(String productId, HoldSyncMeetingCommand c) {
        String title = Texts.requireTitle("title", c.title());
        List<String> attendees = Texts.requireIds("attendees", c.attendees());
        String notes = Texts.optionalText("notes", c.notes());
        return new SyncMeetingHeldEvent(productId, c.meetingId(), title, attendees, notes);
    }

    @EventSourcingHandler
    void on(DecisionRecordedEvent event) {
        ids.add(event.decisionId());
    }

    @EventSourcingHandler
    void on(SyncMeetingHeldEvent event) {
        ids.add(event.meetingId());
    }
}
