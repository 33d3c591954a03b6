package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/products/{productId}/backlog-items/{itemId}/roadmap-link}. */
record LinkBacklogItemRequest(@NotBlank @Size(max = Limits.ID) String roadmapItemId) {
}
