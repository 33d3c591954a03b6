package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/products/{productId}/decisions}: an ADR-like record. */
record RecordDecisionRequest(
        @NotBlank @Size(max = Limits.TITLE) String title,
        @Size(max = Limits.TEXT) String context,
        @NotBlank @Size(max = Limits.TEXT) String decision,
        @Size(max = Limits.TEXT) String consequences,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.ID) String> relatedItemIds) {
}
