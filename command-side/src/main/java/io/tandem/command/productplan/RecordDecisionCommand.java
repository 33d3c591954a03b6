package io.tandem.command.productplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record an ADR-like decision about known objectives, roadmap or backlog items (PM, PO).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record RecordDecisionCommand(
        @TargetAggregateIdentifier String productId,
        String decisionId,
        String title,
        String context,
        String decision,
        String consequences,
        List<String> relatedItemIds,
        Long expectedVersion) {

    /** Defensively copies the lists; a null list becomes empty (null elements are kept for the handler to reject). */
    public RecordDecisionCommand {
        relatedItemIds = relatedItemIds == null
                ? List.of() : Collections.unmodifiableList(new ArrayList<>(relatedItemIds));
    }
}
