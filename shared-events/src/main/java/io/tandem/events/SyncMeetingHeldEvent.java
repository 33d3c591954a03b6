package io.tandem.events;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A PM/PO sync meeting was held: a bookmark in the product's history. {@code attendees} are user ids. */
@Revision("1")
public record SyncMeetingHeldEvent(
        String productId,
        String meetingId,
        String title,
        List<String> attendees,
        String notes) {
    /** Defensively copies the lists; a null list becomes empty. */
    public SyncMeetingHeldEvent {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }
}
