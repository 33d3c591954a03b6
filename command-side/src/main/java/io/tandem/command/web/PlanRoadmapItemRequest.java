package io.tandem.command.web;

import io.tandem.events.Horizon;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/products/{productId}/roadmap-items}. */
record PlanRoadmapItemRequest(
        @NotBlank @Size(max = Limits.TITLE) String title,
        @Size(max = Limits.TEXT) String description,
        @NotNull Horizon horizon,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.ID) String> objectiveIds,
        @Size(max = Limits.TEXT) String rationale) {
}
