package io.tandem.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.command.productplan.ForgetCustomerCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The right to erasure: a product's customers' personal data can be made unreadable everywhere. */
@RestController
@RequestMapping(path = "/api/products/{productId}/customers", produces = "application/json")
@Tag(name = "Customers", description = "Erase a customer's personal data")
class CustomerController {

    private final CommandDispatcher dispatcher;

    CustomerController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(path = "/{customerReference}/forget")
    @Operation(summary = "Forget a customer (erase their personal data)",
            description = "Who may decide: PRODUCT_OWNER, PRODUCT_MANAGER. No body. Destroys the customer's key, so "
                    + "their contact details can no longer be read anywhere (events, read models, exports, history); "
                    + "the feedback and its triage stay. Records CustomerForgottenEvent; forgetting again appends "
                    + "nothing unless new contact details arrived since. The id answered is the reference.")
    ResponseEntity<CommandResponse> forget(@PathVariable String productId, @PathVariable String customerReference,
            @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new ForgetCustomerCommand(productId, customerReference, context.expectedVersion()),
                context);
    }
}
