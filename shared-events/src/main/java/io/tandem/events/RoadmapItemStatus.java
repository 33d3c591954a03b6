package io.tandem.events;

/** Delivery status of a roadmap item. */
public enum RoadmapItemStatus {
    PLANNED, IN_PROGRESS, SHIPPED
}
