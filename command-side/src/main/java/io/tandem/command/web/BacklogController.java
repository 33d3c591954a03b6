package io.tandem.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.command.productplan.AddBacklogItemCommand;
import io.tandem.command.productplan.CompleteBacklogItemCommand;
import io.tandem.command.productplan.LinkBacklogItemCommand;
import io.tandem.command.productplan.RemoveBacklogItemCommand;
import io.tandem.command.productplan.ReprioritizeBacklogItemCommand;
import io.tandem.command.productplan.UnlinkBacklogItemCommand;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The ranked backlog. Adding and linking is shared; ordering, completing and removing belong to the product owner. */
@RestController
@RequestMapping(path = "/api/products/{productId}/backlog-items", produces = "application/json")
@Tag(name = "Backlog", description = "Add, rank, link, complete and remove backlog items")
class BacklogController {

    private final CommandDispatcher dispatcher;

    BacklogController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a backlog item",
            description = "Who may decide: PRODUCT_MANAGER, PRODUCT_OWNER. Position is 1-based (none = bottom); "
                    + "the optional roadmap item must be live.")
    ResponseEntity<CommandResponse> add(@PathVariable String productId,
            @Valid @RequestBody AddBacklogItemRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.create(new AddBacklogItemCommand(productId, ProductController.newId(), body.title(),
                body.kind(), body.roadmapItemId(), body.position(), context.expectedVersion()), context);
    }

    @PostMapping(path = "/{backlogItemId}/reprioritize", consumes = "application/json")
    @Operation(summary = "Move a backlog item to another rank",
            description = "Who may decide: PRODUCT_OWNER. Position is 1-based; rationale required.")
    ResponseEntity<CommandResponse> reprioritize(@PathVariable String productId, @PathVariable String backlogItemId,
            @Valid @RequestBody ReprioritizeBacklogItemRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new ReprioritizeBacklogItemCommand(productId, backlogItemId, body.toPosition(),
                body.rationale(), context.expectedVersion()), context);
    }

    @PutMapping(path = "/{backlogItemId}/roadmap-link", consumes = "application/json")
    @Operation(summary = "Link a backlog item to a roadmap item",
            description = "Who may decide: PRODUCT_MANAGER, PRODUCT_OWNER. The roadmap item must be live.")
    ResponseEntity<CommandResponse> link(@PathVariable String productId, @PathVariable String backlogItemId,
            @Valid @RequestBody LinkBacklogItemRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new LinkBacklogItemCommand(productId, backlogItemId, body.roadmapItemId(),
                context.expectedVersion()), context);
    }

    @DeleteMapping(path = "/{backlogItemId}/roadmap-link")
    @Operation(summary = "Unlink a backlog item from its roadmap item",
            description = "Who may decide: PRODUCT_MANAGER, PRODUCT_OWNER.")
    ResponseEntity<CommandResponse> unlink(@PathVariable String productId, @PathVariable String backlogItemId,
            @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new UnlinkBacklogItemCommand(productId, backlogItemId, context.expectedVersion()),
                context);
    }

    @PostMapping(path = "/{backlogItemId}/complete")
    @Operation(summary = "Complete a backlog item", description = "Who may decide: PRODUCT_OWNER. No body.")
    ResponseEntity<CommandResponse> complete(@PathVariable String productId, @PathVariable String backlogItemId,
            @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new CompleteBacklogItemCommand(productId, backlogItemId, context.expectedVersion()),
                context);
    }

    @PostMapping(path = "/{backlogItemId}/remove", consumes = "application/json")
    @Operation(summary = "Remove a backlog item",
            description = "Who may decide: PRODUCT_OWNER. Rationale required (a POST because DELETE bodies are "
                    + "dropped by many clients and proxies).")
    ResponseEntity<CommandResponse> remove(@PathVariable String productId, @PathVariable String backlogItemId,
            @Valid @RequestBody RationaleRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new RemoveBacklogItemCommand(productId, backlogItemId, body.rationale(),
                context.expectedVersion()), context);
    }
}
