package io.tandem.query.web;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The decision-log filters as they arrive in a query string, shared by the list and the export endpoints;
 * {@link DecisionLogQuery} checks and converts them.
 */
public record DecisionLogFilterParameters(
        @Parameter(description = "only decisions by this user") String actor,
        @Parameter(description = "only decisions made in this role, e.g. PRODUCT_OWNER") String role,
        @Parameter(description = "only this decision type, e.g. BacklogItemReprioritized") String type,
        @Parameter(description = "only decisions about this item id") String item,
        @Parameter(description = "from this time (ISO-8601 instant or date), inclusive") String from,
        @Parameter(description = "before this time (ISO-8601 instant), exclusive; a date includes that whole day")
        String to) {
}
