package io.tandem.events.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/** Every upcaster of the event contract, in the order they must run; both services register them. */
public final class EventUpcasters {

    private EventUpcasters() {
    }

    /** A fresh list of the contract's upcasters. */
    public static List<EventUpcaster> all() {
        return List.of(new FeedbackReceivedEventUpcaster());
    }
}
