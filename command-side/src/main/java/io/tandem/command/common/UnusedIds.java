package io.tandem.command.common;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * Guards the creation of an aggregate with a caller-chosen id: the id must not name any event stream yet. A race
 * between two creations with the same id is settled by the event store's unique (aggregate id, sequence) index.
 */
public final class UnusedIds {

    private UnusedIds() {
    }

    /** @throws RuleViolationException when events for {@code id} already exist */
    public static void requireUnused(EventStore eventStore, String field, String id) {
        if (hasEvents(eventStore, id)) {
            throw new RuleViolationException(field + " " + id + " is already in use");
        }
    }

    private static boolean hasEvents(EventStore eventStore, String id) {
        try {
            return eventStore.lastSequenceNumberFor(id).isPresent();
        } catch (AggregateNotFoundException noStream) {
            return false;
        }
    }
}
