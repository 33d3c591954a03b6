package io.tandem.query.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A moment in a product's history: the events it includes are those up to a global position, those whose timestamp
 * is at or before an instant, up to a sync meeting (the meeting's own event included), or all of them.
 */
public sealed interface HistoryPoint {

    /** Whether the event at {@code entry} had happened at this point. */
    boolean includes(HistoryEntry entry);

    /** Every event up to and including global position {@code position}. */
    record Position(long position) implements HistoryPoint {
        public Position {
            if (position < 0) {
                throw new IllegalArgumentException("A position is a global position, 0 or more.");
            }
        }

        @Override
        public boolean includes(HistoryEntry entry) {
            return entry.position() <= position;
        }
    }

    /** Every event whose timestamp is at or before {@code at}. */
    record At(Instant at) implements HistoryPoint {
        public At {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public boolean includes(HistoryEntry entry) {
            return !entry.timestamp().isAfter(at);
        }
    }

    /** Up to the sync meeting {@code meetingId}; resolved to a {@link Position} before use. */
    record Meeting(String meetingId) implements HistoryPoint {
        @Override
        public boolean includes(HistoryEntry entry) {
            throw new IllegalStateException("Resolve meeting " + meetingId + " to its position first");
        }
    }

    /** No event: the product's beginning. */
    record Beginning() implements HistoryPoint {
        @Override
        public boolean includes(HistoryEntry entry) {
            return false;
        }
    }

    /** Every event so far. */
    record Latest() implements HistoryPoint {
        @Override
        public boolean includes(HistoryEntry entry) {
            return true;
        }
    }

    /** An ISO-8601 instant, with {@code Z} or an offset; {@link IllegalArgumentException} when it is none. */
    static At instant(String text) {
        try {
            return new At(Instant.parse(text));
        } catch (DateTimeParseException notUtc) {
            try {
                return new At(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not an ISO-8601 instant such as 2026-03-01T09:30:00Z.");
            }
        }
    }

    /** A global position; {@link IllegalArgumentException} when it is not a whole number of 0 or more. */
    static Position position(String text) {
        try {
            return new Position(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a global position (a whole number, 0 or more).");
        }
    }

    /** A position when all digits, else an instant when it parses as one, else a sync meeting id. */
    static HistoryPoint parse(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("A point in history must not be blank.");
        }
        if (text.chars().allMatch(Character::isDigit)) {
            return position(text);
        }
        try {
            return instant(text);
        } catch (IllegalArgumentException notAnInstant) {
            return new Meeting(text);
        }
    }
}
