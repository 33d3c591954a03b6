package io.tandem.events;

/** Outcome of triaging a piece of feedback. */
public enum TriageOutcome {
    LINKED, DECLINED, DUPLICATE
}
