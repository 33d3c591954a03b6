package io.tandem.query.dashboard;

import io.tandem.events.FeedbackChannel;
import java.time.Instant;
import java.util.Map;

/**
 * The feedback inbox at the moment of rendering.
 *
 * @param newLast7Days              feedback received in the last 7 days
 * @param newLast30Days             feedback received in the last 30 days
 * @param untriaged                 feedback not triaged yet
 * @param oldestUntriagedReceivedAt when the oldest untriaged feedback came in, null when none
 * @param oldestUntriagedAgeHours   its age in hours (one decimal), null when none
 * @param byChannelLast30Days       feedback received in the last 30 days per channel (every channel listed)
 */
public record FeedbackInboxView(int newLast7Days, int newLast30Days, int untriaged, Instant oldestUntriagedReceivedAt,
                                Double oldestUntriagedAgeHours, Map<FeedbackChannel, Integer> byChannelLast30Days) {
}
