package io.tandem.command.web;

import io.tandem.command.common.Texts;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Urgency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/products/{productId}/feedback}. The customer reference is pseudonymous: its pattern
 * admits no e-mail address or name with spaces, so personal data cannot slip into the event in the clear. Contact
 * details go in {@code customer} (needs a customer reference), which is stored only sealed with that customer's key.
 */
record SubmitFeedbackRequest(
        @NotNull FeedbackChannel channel,
        @Pattern(regexp = Texts.CUSTOMER_REFERENCE_REGEX,
                message = "must be a pseudonymous reference (up to 100 letters, digits and _ : -), never a name or "
                        + "e-mail address")
        String customerReference,
        @NotBlank @Size(max = Limits.TEXT) String text,
        @NotNull Urgency urgency,
        @Valid CustomerContactRequest customer) {
}
