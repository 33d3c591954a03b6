package io.tandem.events;

import org.axonframework.serialization.Revision;

/** An objective was retired; roadmap items can no longer be planned against it. */
@Revision("1")
public record ObjectiveRetiredEvent(
        String productId,
        String objectiveId,
        String rationale) {}
