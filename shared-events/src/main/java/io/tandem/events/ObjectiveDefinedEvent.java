package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A product objective was defined with the metric that tells whether it is reached. */
@Revision("1")
public record ObjectiveDefinedEvent(
        String productId,
        String objectiveId,
        String title,
        String successMetric) {}
