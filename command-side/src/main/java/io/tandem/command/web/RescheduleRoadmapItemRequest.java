package io.tandem.command.web;

import io.tandem.events.Horizon;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products/{productId}/roadmap-items/{itemId}/reschedule}. */
record RescheduleRoadmapItemRequest(
        @NotNull Horizon to,
        @NotBlank @Size(max = Limits.TEXT) String rationale) {
}
