package io.tandem.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.query.dashboard.DashboardQueries;
import io.tandem.query.dashboard.DashboardView;
import io.tandem.query.decisions.DecisionLogEntry;
import io.tandem.query.decisions.DecisionLogQueries;
import io.tandem.query.membership.Membership;
import io.tandem.query.membership.ProductSummary;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's products, a product's live dashboard, and the timeline of one item. */
@RestController
@RequestMapping(path = "/api/products", produces = "application/json")
@Tag(name = "Products", description = "Products the caller is a member of, their dashboards and item timelines")
class ProductQueryController {

    private final Membership membership;
    private final ProductAccess access;
    private final DashboardQueries dashboards;
    private final DecisionLogQueries decisions;

    ProductQueryController(Membership membership, ProductAccess access, DashboardQueries dashboards,
            DecisionLogQueries decisions) {
        this.membership = membership;
        this.access = access;
        this.dashboards = dashboards;
        this.decisions = decisions;
    }

    @GetMapping
    @Operation(summary = "The products the caller is a member of, with the caller's roles in each")
    List<ProductSummary> products(@Parameter(hidden = true) Principal caller) {
        return membership.productsOf(caller.getName());
    }

    @GetMapping("/{productId}/dashboard")
    @Operation(summary = "The current dashboard of a product",
            description = "Roadmap by horizon, ranked backlog, feedback inbox, alignment metrics with their formulas, "
                    + "alerts, the last decisions and the last sync. `version` increases with every change and is "
                    + "also the ETag. Live updates: STOMP topic /topic/products/{productId}/dashboard.")
    ResponseEntity<DashboardView> dashboard(@PathVariable String productId,
            @Parameter(hidden = true) Principal caller) {
        access.requireMember(productId, caller);
        DashboardView view = dashboards.current(productId).orElseThrow(() -> new ProductNotFoundException(
                "There is no product " + productId + " that you are a member of."));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/{productId}/items/{itemId}/timeline")
    @Operation(summary = "Every decision about one item, oldest first",
            description = "An item is a roadmap item, backlog item, objective, feedback, decision record or member.")
    List<DecisionLogEntry> timeline(@PathVariable String productId, @PathVariable String itemId,
            @Parameter(hidden = true) Principal caller) {
        access.requireMember(productId, caller);
        List<DecisionLogEntry> entries = decisions.timeline(productId, itemId);
        if (entries.isEmpty()) {
            throw new ProductNotFoundException("Product " + productId + " has no item " + itemId + ".");
        }
        return entries;
    }
}
