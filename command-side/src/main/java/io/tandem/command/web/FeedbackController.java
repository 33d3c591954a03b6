package io.tandem.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.command.feedback.SubmitFeedbackCommand;
import io.tandem.command.feedback.TriageFeedbackCommand;
import io.tandem.support.personaldata.CustomerContact;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Customer feedback: each piece is its own aggregate, so its version (and ETag) is the feedback item's. */
@RestController
@RequestMapping(path = "/api/products/{productId}/feedback", produces = "application/json")
@Tag(name = "Feedback", description = "Submit and triage customer feedback")
class FeedbackController {

    private final CommandDispatcher dispatcher;
    private final FeedbackOwnership ownership;

    FeedbackController(CommandDispatcher dispatcher, FeedbackOwnership ownership) {
        this.dispatcher = dispatcher;
        this.ownership = ownership;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit feedback",
            description = "Who may decide: PRODUCT_MANAGER, PRODUCT_OWNER, CONTRIBUTOR. The customer reference is "
                    + "pseudonymous (never a name or e-mail). Contact details (`customer`: name, email) need a "
                    + "customer reference; they are stored only encrypted with that customer's key, which "
                    + "`POST …/customers/{reference}/forget` destroys. The version is the new feedback item's.")
    ResponseEntity<CommandResponse> submit(@PathVariable String productId,
            @Valid @RequestBody SubmitFeedbackRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.create(new SubmitFeedbackCommand(ProductController.newId(), productId, body.channel(),
                body.customerReference(), body.text(), body.urgency(), contact(body.customer()),
                context.expectedVersion()), context);
    }

    private static CustomerContact contact(CustomerContactRequest customer) {
        return customer == null ? null : new CustomerContact(customer.name(), customer.email());
    }

    @PostMapping(path = "/{feedbackId}/triage", consumes = "application/json")
    @Operation(summary = "Triage feedback",
            description = "Who may decide: PRODUCT_MANAGER, PRODUCT_OWNER. LINKED needs linkedItemId, DUPLICATE "
                    + "needs duplicateOfFeedbackId, DECLINED needs a rationale. If-Match is the feedback item's "
                    + "version.")
    ResponseEntity<CommandResponse> triage(@PathVariable String productId, @PathVariable String feedbackId,
            @Valid @RequestBody TriageFeedbackRequest body, @Parameter(hidden = true) CommandContext context) {
        ownership.requireBelongsTo(feedbackId, productId);
        return dispatcher.change(new TriageFeedbackCommand(feedbackId, body.outcome(), body.linkedItemId(),
                body.duplicateOfFeedbackId(), body.rationale(), context.expectedVersion()), context);
    }
}
