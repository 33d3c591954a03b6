package io.tandem.eventstore.embedded;

import java.util.function.Supplier;

/** A flag that is set for the current thread while an action runs through {@link #during}, nested or not. */
final class ThreadFlag {

    private final ThreadLocal<Boolean> set = ThreadLocal.withInitial(() -> false);

    /** Runs the action with the flag set for this thread, then restores what it was. */
    <T> T during(Supplier<T> action) {
        boolean before = set.get();
        set.set(true);
        try {
            return action.get();
        } finally {
            set.set(before);
        }
    }

    boolean isSet() {
        return set.get();
    }
}
