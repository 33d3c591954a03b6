package io.tandem.command.common;

/** The optimistic "I decided on what I saw" check behind HTTP {@code If-Match}. */
public final class Versions {

    private Versions() {
    }

    /**
     * Passes when no version was expected or the expected version is the current one.
     *
     * @param expected the version the client saw, or null when it did not send one
     * @param current  the current aggregate version (sequence number of its last event), null before the first event
     * @throws StaleVersionException when the versions differ
     */
    public static void requireCurrent(Long expected, Long current) {
        if (expected != null && !expected.equals(current)) {
            throw new StaleVersionException(
                    "expected version " + expected + " but the current version is " + current);
        }
    }
}
