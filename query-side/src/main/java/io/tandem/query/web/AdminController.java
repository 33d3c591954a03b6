package io.tandem.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** Operating the query side's processors: their state and rebuilding their read models, for admins only. */
@RestController
@RequestMapping(path = "/api/admin/processors", produces = "application/json")
@Tag(name = "Admin", description = "Processors and read-model rebuilds (admins: tandem.admin.users)")
@EnableConfigurationProperties(AdminProperties.class)
class AdminController {

    private final Rebuilds rebuilds;
    private final AdminProperties properties;

    AdminController(Rebuilds rebuilds, AdminProperties properties) {
        this.rebuilds = rebuilds;
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

    private void requireAdmin(Principal caller) {
        if (!properties.users().contains(caller.getName())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only query-side admins (tandem.admin.users) may operate processors.");
        }
    }
}
