package io.tandem.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.command.productplan.HoldSyncMeetingCommand;
import io.tandem.command.productplan.RecordDecisionCommand;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Decision records and sync meetings: the bookmarks a team reviews its history by. */
@RestController
@RequestMapping(path = "/api/products/{productId}", produces = "application/json")
@Tag(name = "Decisions and sync meetings", description = "Record ADR-like decisions and hold sync meetings")
class DecisionController {

    private final CommandDispatcher dispatcher;

    DecisionController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(path = "/decisions", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a decision",
            description = "Who may decide: PRODUCT_MANAGER, PRODUCT_OWNER. Related items must be known to the product.")
    ResponseEntity<CommandResponse> recordDecision(@PathVariable String productId,
            @Valid @RequestBody RecordDecisionRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.create(new RecordDecisionCommand(productId, ProductController.newId(), body.title(),
                body.context(), body.decision(), body.consequences(), body.relatedItemIds(),
                context.expectedVersion()), context);
    }

    @PostMapping(path = "/sync-meetings", consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Hold a sync meeting",
            description = "Who may decide: PRODUCT_MANAGER, PRODUCT_OWNER. Marks a point in the product's history "
                    + "that \"what changed since the last sync\" starts from.")
    ResponseEntity<CommandResponse> holdSyncMeeting(@PathVariable String productId,
            @Valid @RequestBody HoldSyncMeetingRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.create(new HoldSyncMeetingCommand(productId, ProductController.newId(), body.title(),
                body.attendees(), body.notes(), context.expectedVersion()), context);
    }
}
