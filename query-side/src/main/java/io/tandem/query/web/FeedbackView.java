package io.tandem.query.web;

import io.tandem.events.FeedbackChannel;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import io.tandem.support.personaldata.CustomerContact;
import java.time.Instant;

/**
 * A piece of feedback in the inbox as the caller may see it.
 *
 * @param customer       the customer's contact details: only for product managers and owners, and only until the
 *                       customer is forgotten; null otherwise
 * @param customerErased whether the customer's personal data has been erased (it can no longer be read by anyone)
 */
record FeedbackView(String feedbackId, String summary, FeedbackChannel channel, Urgency urgency, Instant receivedAt,
                    Instant firstTriagedAt, TriageOutcome outcome, String customerReference, CustomerContact customer,
                    boolean customerErased) {
}
