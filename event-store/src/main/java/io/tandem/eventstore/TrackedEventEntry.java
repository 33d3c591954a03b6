package io.tandem.eventstore;

import org.axonframework.eventhandling.AbstractEventEntry;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Instant;

/** A tracked event that belongs to no aggregate (an application event appended without aggregate). */
final class TrackedEventEntry<T> extends AbstractEventEntry<T> implements TrackedEventData<T> {

    private final TrackingToken token;

    TrackedEventEntry(TrackingToken token, String eventIdentifier, Instant timestamp, String payloadType,
                      String payloadRevision, T payload, T metaData) {
        super(eventIdentifier, timestamp, payloadType, payloadRevision, payload, metaData);
        this.token = token;
    }

    @Override
    public TrackingToken trackingToken() {
        return token;
    }
}
