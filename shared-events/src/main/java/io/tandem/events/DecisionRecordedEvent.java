package io.tandem.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * An architecture-decision-record-like product decision was recorded, referring to objectives, roadmap or backlog
 * items.
 */
@Revision("1")
public record DecisionRecordedEvent(
        String productId,
        String decisionId,
        String title,
        String context,
        String decision,
        String consequences,
        List<String> relatedItemIds) {
    /** Defensively copies the lists; a null list becomes empty. */
    public DecisionRecordedEvent {
        relatedItemIds = relatedItemIds == null ? List.of() : List.copyOf(relatedItemIds);
    }
}
