package io.tandem.command.productplan;

import io.tandem.events.Horizon;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Plan a roadmap item on a horizon, serving live objectives (PM). {@code objectiveIds} may be null (none).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record PlanRoadmapItemCommand(
        @TargetAggregateIdentifier String productId,
        String roadmapItemId,
        String title,
        String description,
        Horizon horizon,
        List<String> objectiveIds,
        String rationale,
        Long expectedVersion) {

    /** Defensively copies the lists; a null list becomes empty (null elements are kept for the handler to reject). */
    public PlanRoadmapItemCommand {
        objectiveIds = objectiveIds == null
                ? List.of() : Collections.unmodifiableList(new ArrayList<>(objectiveIds));
    }
}
