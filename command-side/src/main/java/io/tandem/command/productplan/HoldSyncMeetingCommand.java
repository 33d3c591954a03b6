package io.tandem.command.productplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a sync meeting was held: a bookmark in the product history (PM, PO).
 *
 * <p>{@code expectedVersion} (from {@code If-Match}, nullable) must equal the current aggregate version.
 * The actor is not part of the command: it travels in the command metadata under {@code "actor"}.
 */
public record HoldSyncMeetingCommand(
        @TargetAggregateIdentifier String productId,
        String meetingId,
        String title,
        List<String> attendees,
        String notes,
        Long expectedVersion) {

    /** Defensively copies the lists; a null list becomes empty (null elements are kept for the handler to reject). */
    public HoldSyncMeetingCommand {
        attendees = attendees == null
                ? List.of() : Collections.unmodifiableList(new ArrayList<>(attendees));
    }
}
