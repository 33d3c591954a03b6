package io.tandem.eventstore.embedded;

/** When the H2 backend writes its changes to the store file. */
public enum Durability {
    /** After every write command, before its reply: an acknowledged write survives a kill of the process. */
    COMMIT,
    /** As {@link #COMMIT}, and forced to the disk with fsync: it also survives a power loss. */
    COMMIT_AND_FSYNC,
    /**
     * H2's own background commit, about once a second: an acknowledged write can be lost when the process dies.
     * Not for use; it is here to measure what durability costs.
     */
    BACKGROUND
}
