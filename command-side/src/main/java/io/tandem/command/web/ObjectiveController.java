package io.tandem.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.command.productplan.DefineObjectiveCommand;
import io.tandem.command.productplan.RetireObjectiveCommand;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Product objectives: the "why" roadmap items serve. */
@RestController
@RequestMapping(path = "/api/products/{productId}/objectives", produces = "application/json")
@Tag(name = "Objectives", description = "Define and retire product objectives")
class ObjectiveController {

    private final CommandDispatcher dispatcher;

    ObjectiveController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define an objective", description = "Who may decide: PRODUCT_MANAGER.")
    ResponseEntity<CommandResponse> define(@PathVariable String productId,
            @Valid @RequestBody DefineObjectiveRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.create(new DefineObjectiveCommand(productId, ProductController.newId(), body.title(),
                body.successMetric(), context.expectedVersion()), context);
    }

    @PostMapping(path = "/{objectiveId}/retire", consumes = "application/json")
    @Operation(summary = "Retire an objective", description = "Who may decide: PRODUCT_MANAGER. Rationale required.")
    ResponseEntity<CommandResponse> retire(@PathVariable String productId, @PathVariable String objectiveId,
            @Valid @RequestBody RationaleRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new RetireObjectiveCommand(productId, objectiveId, body.rationale(),
                context.expectedVersion()), context);
    }
}
