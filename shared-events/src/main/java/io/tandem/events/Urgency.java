package io.tandem.events;

/** How urgent a piece of feedback is for the customer. */
public enum Urgency {
    LOW, MEDIUM, HIGH, CRITICAL
}
