package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products/{productId}/backlog-items/{itemId}/reprioritize}; positions are 1-based. */
record ReprioritizeBacklogItemRequest(
        @NotNull @Positive Integer toPosition,
        @NotBlank @Size(max = Limits.TEXT) String rationale) {
}
