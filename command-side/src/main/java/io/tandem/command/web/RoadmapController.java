package io.tandem.command.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.command.productplan.ChangeRoadmapItemStatusCommand;
import io.tandem.command.productplan.DropRoadmapItemCommand;
import io.tandem.command.productplan.PlanRoadmapItemCommand;
import io.tandem.command.productplan.RescheduleRoadmapItemCommand;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The roadmap: items on the NOW / NEXT / LATER horizons. All roadmap decisions belong to the product manager. */
@RestController
@RequestMapping(path = "/api/products/{productId}/roadmap-items", produces = "application/json")
@Tag(name = "Roadmap", description = "Plan, reschedule, change the status of and drop roadmap items")
class RoadmapController {

    private final CommandDispatcher dispatcher;

    RoadmapController(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping(consumes = "application/json")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a roadmap item",
            description = "Who may decide: PRODUCT_MANAGER. The objectives must be live objectives of the product.")
    ResponseEntity<CommandResponse> plan(@PathVariable String productId,
            @Valid @RequestBody PlanRoadmapItemRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.create(new PlanRoadmapItemCommand(productId, ProductController.newId(), body.title(),
                body.description(), body.horizon(), body.objectiveIds(), body.rationale(),
                context.expectedVersion()), context);
    }

    @PostMapping(path = "/{roadmapItemId}/reschedule", consumes = "application/json")
    @Operation(summary = "Reschedule a roadmap item to another horizon",
            description = "Who may decide: PRODUCT_MANAGER. Rationale required.")
    ResponseEntity<CommandResponse> reschedule(@PathVariable String productId, @PathVariable String roadmapItemId,
            @Valid @RequestBody RescheduleRoadmapItemRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new RescheduleRoadmapItemCommand(productId, roadmapItemId, body.to(),
                body.rationale(), context.expectedVersion()), context);
    }

    @PutMapping(path = "/{roadmapItemId}/status", consumes = "application/json")
    @Operation(summary = "Change the delivery status of a roadmap item", description = "Who may decide: PRODUCT_MANAGER.")
    ResponseEntity<CommandResponse> changeStatus(@PathVariable String productId, @PathVariable String roadmapItemId,
            @Valid @RequestBody ChangeRoadmapItemStatusRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new ChangeRoadmapItemStatusCommand(productId, roadmapItemId, body.status(),
                context.expectedVersion()), context);
    }

    @PostMapping(path = "/{roadmapItemId}/drop", consumes = "application/json")
    @Operation(summary = "Drop a roadmap item",
            description = "Who may decide: PRODUCT_MANAGER. Rationale required.")
    ResponseEntity<CommandResponse> drop(@PathVariable String productId, @PathVariable String roadmapItemId,
            @Valid @RequestBody RationaleRequest body, @Parameter(hidden = true) CommandContext context) {
        return dispatcher.change(new DropRoadmapItemCommand(productId, roadmapItemId, body.rationale(),
                context.expectedVersion()), context);
    }
}
