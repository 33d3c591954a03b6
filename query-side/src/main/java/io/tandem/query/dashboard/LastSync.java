package io.tandem.query.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * The most recent sync meeting: a bookmark in the product's history.
 *
 * @param meetingId      the meeting
 * @param title          its title
 * @param at             when it was held
 * @param globalPosition its position in the global stream
 * @param attendees      user ids
 */
public record LastSync(String meetingId, String title, Instant at, long globalPosition, List<String> attendees) {
}
