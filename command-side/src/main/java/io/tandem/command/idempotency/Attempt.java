package io.tandem.command.idempotency;

import java.time.Duration;

/** What a request with an {@code Idempotency-Key} may do, decided by the stored record of that key. */
sealed interface Attempt {

    /** No earlier request with this key, or an abandoned one: run the command. */
    record Proceed() implements Attempt {
    }

    /** The key was used for the same request, which completed: answer with its stored response. */
    record Replay(StoredResponse response) implements Attempt {
    }

    /** The key was used for a different request (method, path or body). */
    record KeyReuse() implements Attempt {
    }

    /** The same request is still running (or crashed less than the pending timeout ago). */
    record InProgress(Duration retryAfter) implements Attempt {
    }
}
