package io.tandem.query.dashboard;

/** Feedback currently triaged LINKED to an item (a roadmap or backlog item). */
record FeedbackLink(String feedbackId, String itemId) {
}
