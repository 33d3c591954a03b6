package io.tandem.eventstore;

/**
 * Observes an append between taking its positions from the global sequence and inserting its events. Production code
 * uses {@link #NONE}; tests use it to hold an append back and so make readers meet a real gap.
 */
@FunctionalInterface
public interface AppendListener {

    AppendListener NONE = (firstPosition, count) -> {
    };

    /** Called after {@code count} positions starting at {@code firstPosition} were allocated, before the insert. */
    void positionsAllocated(long firstPosition, int count);
}
