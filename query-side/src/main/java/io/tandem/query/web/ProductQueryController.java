package io.tandem.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.query.dashboard.DashboardQueries;
import io.tandem.query.dashboard.DashboardView;
import io.tandem.query.decisions.DecisionLogEntry;
import io.tandem.query.decisions.DecisionLogQueries;
import io.tandem.query.history.DashboardHistory;
import io.tandem.query.history.HistoryPoint;
import io.tandem.query.history.ProductChanges;
import io.tandem.query.history.UnknownMeetingException;
import io.tandem.query.membership.Membership;
import io.tandem.query.membership.ProductSummary;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's products, a product's dashboard (live or as of a past moment), its changes, and item timelines. */
@RestController
@RequestMapping(path = "/api/products", produces = "application/json")
@Tag(name = "Products", description = "Products the caller is a member of, their dashboards and item timelines")
class ProductQueryController {

    private final Membership membership;
    private final ProductAccess access;
    private final DashboardQueries dashboards;
    private final DecisionLogQueries decisions;
    private final DashboardHistory history;

    ProductQueryController(Membership membership, ProductAccess access, DashboardQueries dashboards,
            DecisionLogQueries decisions, DashboardHistory history) {
        this.membership = membership;
        this.access = access;
        this.dashboards = dashboards;
        this.decisions = decisions;
        this.history = history;
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
                    + "also the ETag. Live updates: STOMP topic /topic/products/{productId}/dashboard. With `asOf` "
                    + "(an ISO-8601 instant) or `position` (a global position): the dashboard as it was then, "
                    + "replayed from the product's events.")
    ResponseEntity<DashboardView> dashboard(@PathVariable String productId,
            @RequestParam(required = false) @Parameter(example = "2026-03-01T09:30:00Z") String asOf,
            @RequestParam(required = false) String position, @Parameter(hidden = true) Principal caller) {
        access.requireMember(productId, caller);
        if (asOf != null && position != null) {
            throw invalid("position", "Give asOf or position, not both.");
        }
        DashboardView view = (asOf == null && position == null ? dashboards.current(productId)
                : history.asOf(productId, asOf != null ? point("asOf", asOf, HistoryPoint::instant)
                        : point("position", position, HistoryPoint::position)))
                .orElseThrow(() -> new ProductNotFoundException(asOf == null && position == null
                        ? "There is no product " + productId + " that you are a member of."
                        : "Product " + productId + " had no history at that point."));
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/{productId}/changes")
    @Operation(summary = "What changed in a product between two points, grouped for a sync meeting",
            description = "`from` and `to` are each a sync meeting id, an ISO-8601 instant or a global position. "
                    + "By default from the last sync meeting to now. Roadmap items added, dropped, moved, status "
                    + "changes; backlog items added, removed, completed, reprioritized (net); objectives; feedback "
                    + "received and triaged; decisions recorded; each with who decided and why.")
    ProductChanges changes(@PathVariable String productId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @Parameter(hidden = true) Principal caller) {
        access.requireMember(productId, caller);
        HistoryPoint start = from == null ? null : point("from", from, HistoryPoint::parse);
        HistoryPoint end = to == null ? null : point("to", to, HistoryPoint::parse);
        try {
            return history.changes(productId, start, end).orElseThrow(() -> new ProductNotFoundException(
                    "Product " + productId + " had no history at that point."));
        } catch (UnknownMeetingException e) {
            throw invalid(from != null && from.equals(e.meetingId()) ? "from" : "to", e.getMessage());
        }
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

    private static <T extends HistoryPoint> T point(String field, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private static InvalidQueryException invalid(String field, String message) {
        return new InvalidQueryException(List.of(Map.of("field", field, "message", message)));
    }
}
