package io.tandem.command.web;

import io.tandem.events.BacklogItemKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products/{productId}/backlog-items}; no position means the bottom of the backlog. */
record AddBacklogItemRequest(
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotNull BacklogItemKind kind,
        @Size(min = 1, max = Limits.ID) String roadmapItemId,
        @Positive Integer position) {
}
