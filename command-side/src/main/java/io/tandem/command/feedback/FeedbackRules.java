package io.tandem.command.feedback;

import io.tandem.command.common.InvalidCommandException;
import io.tandem.command.common.Texts;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import io.tandem.support.personaldata.CustomerContact;

/**
 * The shape of feedback commands, checked before any state is looked at.
 *
 * <p>A customer reference is a pseudonymous token into the personal-data store (letters, digits, {@code _ : -}, at
 * most 100 characters), so that no name or e-mail address ends up in an immutable event. A triage names an item when
 * LINKED, another feedback item when DUPLICATE, and gives a rationale when DECLINED (optional otherwise); an id that
 * does not belong to the outcome is rejected rather than silently dropped.
 */
final class FeedbackRules {

    private FeedbackRules() {
    }

    /**
     * The received event the submission asks for, without its contact, which the caller seals; the product and
     * feedback ids are checked by the caller.
     */
    static FeedbackReceivedEvent received(SubmitFeedbackCommand c) {
        FeedbackChannel channel = Texts.requirePresent("channel", c.channel());
        Urgency urgency = Texts.requirePresent("urgency", c.urgency());
        String text = Texts.requireText("text", c.text());
        String reference = c.customerReference() == null ? null : Texts.requireCustomerReference(c.customerReference());
        requireContactShape(c.customer(), reference);
        return new FeedbackReceivedEvent(c.productId(), c.feedbackId(), channel, reference, text, urgency);
    }

    /** Contact details need the reference they are sealed and erased under, and at least a name or an e-mail. */
    private static void requireContactShape(CustomerContact contact, String reference) {
        if (contact == null) {
            return;
        }
        if (reference == null) {
            throw new InvalidCommandException(
                    "customer contact details need a customerReference, under which they can be erased");
        }
        if (isBlank(contact.name()) && isBlank(contact.email())) {
            throw new InvalidCommandException("customer needs a name or an email");
        }
        Texts.optionalText("customer.name", contact.name());
        Texts.optionalText("customer.email", contact.email());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The triaged event the command asks for, not yet checked against the product and other feedback. */
    static FeedbackTriagedEvent triaged(String productId, TriageFeedbackCommand c) {
        TriageOutcome outcome = Texts.requirePresent("outcome", c.outcome());
        String linked = outcome == TriageOutcome.LINKED ? Texts.requireId("linkedItemId", c.linkedItemId()) : null;
        String duplicateOf = outcome == TriageOutcome.DUPLICATE
                ? Texts.requireId("duplicateOfFeedbackId", c.duplicateOfFeedbackId()) : null;
        String rationale = outcome == TriageOutcome.DECLINED
                ? Texts.requireRationale(c.rationale()) : Texts.optionalText("rationale", c.rationale());
        if (linked == null && c.linkedItemId() != null) {
            throw new InvalidCommandException("linkedItemId is only allowed with outcome LINKED");
        }
        if (duplicateOf == null && c.duplicateOfFeedbackId() != null) {
            throw new InvalidCommandException("duplicateOfFeedbackId is only allowed with outcome DUPLICATE");
        }
        if (c.feedbackId().equals(duplicateOf)) {
            throw new InvalidCommandException("feedback cannot be a duplicate of itself");
        }
        return new FeedbackTriagedEvent(productId, c.feedbackId(), outcome, linked, duplicateOf, rationale);
    }
}
