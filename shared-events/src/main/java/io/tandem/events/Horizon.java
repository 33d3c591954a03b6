package io.tandem.events;

/** When a roadmap item is meant to happen. */
public enum Horizon {
    NOW, NEXT, LATER
}
