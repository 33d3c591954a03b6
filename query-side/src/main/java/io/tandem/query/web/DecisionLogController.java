package io.tandem.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springdoc.core.annotations.ParameterObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.query.decisions.DecisionLogPage;
import io.tandem.query.decisions.DecisionLogQueries;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The decision log (audit trail) of a product: filtered, oldest first, paged by global position. */
@RestController
@RequestMapping(path = "/api/products/{productId}/decisions", produces = "application/json")
@Tag(name = "Decision log", description = "Who decided what, in which role, when and why")
class DecisionLogController {

    private final ProductAccess access;
    private final DecisionLogQueries decisions;

    DecisionLogController(ProductAccess access, DecisionLogQueries decisions) {
        this.access = access;
        this.decisions = decisions;
    }

    @GetMapping
    @Operation(summary = "Decisions of a product, oldest first",
            description = "Cursor pagination: pass the page's `nextAfter` as `after` to get the next page (also in "
                    + "the `Link: rel=\"next\"` header); `nextAfter` is absent on the last page. A client that "
                    + "reconnects to the live topic catches up with `after=<last globalPosition seen>`.")
    ResponseEntity<DecisionLogPage> find(@PathVariable String productId,
            @ParameterObject DecisionLogFilterParameters filter,
            @Parameter(description = "only decisions after this global position (the cursor)")
            @RequestParam(required = false) String after,
            @Parameter(description = "page size, 1 to 500, default 50") @RequestParam(required = false) String limit,
            @Parameter(hidden = true) Principal caller) {
        DecisionLogQuery query = DecisionLogQuery.parse(filter, after, limit);
        access.requireMember(productId, caller);
        DecisionLogPage page = decisions.find(productId, query.filter(), query.after(), query.limit());
        var response = ResponseEntity.ok();
        if (page.nextAfter() != null) {
            String next = ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("after", page.nextAfter()).build().toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return response.body(page);
    }
}
