package io.tandem.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.query.config.DeadLetterRetry;
import io.tandem.query.config.DeadLetters;
import io.tandem.query.config.ParkedSequence;
import io.tandem.query.readmodel.ProcessorStatus;
import io.tandem.query.readmodel.RebuildConflictException;
import io.tandem.query.readmodel.RebuildProgress;
import io.tandem.query.readmodel.Rebuilds;
import io.tandem.query.readmodel.UnknownProcessorException;
import java.security.Principal;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Operating the query side's processors, for admins only: their state, rebuilding their read models, and the events
 * they parked in their dead-letter queues.
 */
@RestController
@RequestMapping(path = "/api/admin/processors", produces = "application/json")
@Tag(name = "Admin", description = "Processors, read-model rebuilds and dead letters (admins: tandem.admin.users)")
@EnableConfigurationProperties(AdminProperties.class)
class AdminController {

    private final Rebuilds rebuilds;
    private final DeadLetters deadLetters;
    private final AdminProperties properties;

    AdminController(Rebuilds rebuilds, DeadLetters deadLetters, AdminProperties properties) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
        this.properties = properties;
    }

    @GetMapping
    @Operation(summary = "The processors, their read models and rebuild progress",
            description = "Admins only (403 otherwise). `rebuild` is the last rebuild on this node: state, events "
                    + "processed of the total, events/s and ETA.")
    List<ProcessorStatus> processors(@Parameter(hidden = true) Principal caller) {
        requireAdmin(caller);
        return rebuilds.processors();
    }

    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a processor's read model from the event store",
            description = "Admins only. Replays every event into a fresh copy of the read model while the current "
                    + "one keeps answering; the new copy takes over once it has caught up. 409 while a rebuild of "
                    + "the same processor runs or when its tokens cannot be reset (another node holds a segment); "
                    + "404 for an unknown processor.")
    RebuildProgress rebuild(@PathVariable String name, @Parameter(hidden = true) Principal caller) {
        requireAdmin(caller);
        try {
            return rebuilds.start(name);
        } catch (UnknownProcessorException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, e.getMessage());
        } catch (RebuildConflictException e) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage());
        } catch (IllegalStateException e) { // the tokens could not be reset, e.g. another node holds a segment
            throw new ResponseStatusException(HttpStatus.CONFLICT, e.getMessage()
                    + " The current read model keeps answering; stop the processor on other nodes and retry.");
        }
    }

    @GetMapping("/{name}/dead-letters")
    @Operation(summary = "The events a processor parked in its dead-letter queue",
            description = "Admins only; 404 for an unknown processor. One entry per parked sequence (product): how "
                    + "many events wait, the type of the first (the one that failed), why it failed and since when.")
    List<ParkedSequence> deadLetters(@PathVariable String name, @Parameter(hidden = true) Principal caller) {
        requireAdmin(caller);
        return deadLetters.parked(name).orElseThrow(() -> unknownProcessor(name));
    }

    @PostMapping("/{name}/dead-letters/retry")
    @Operation(summary = "Retry every parked sequence of a processor",
            description = "Admins only; 404 for an unknown processor. Handles each parked sequence's events in order "
                    + "with the processor's handlers and removes those handled; a sequence whose first event fails "
                    + "again stays parked with the new cause. Answers how many events were processed and how many "
                    + "remain parked, per sequence and in all.")
    DeadLetterRetry retryDeadLetters(@PathVariable String name, @Parameter(hidden = true) Principal caller) {
        requireAdmin(caller);
        return deadLetters.retry(name).orElseThrow(() -> unknownProcessor(name));
    }

    private ResponseStatusException unknownProcessor(String name) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no processor " + name
                + " with a dead-letter queue; processors: " + String.join(", ", deadLetters.processors()) + ".");
    }

    private void requireAdmin(Principal caller) {
        if (!properties.users().contains(caller.getName())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only query-side admins (tandem.admin.users) may operate processors.");
        }
    }
}
