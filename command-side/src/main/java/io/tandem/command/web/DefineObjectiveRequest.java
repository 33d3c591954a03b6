package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products/{productId}/objectives}. */
record DefineObjectiveRequest(
        @NotBlank @Size(max = Limits.TITLE) String title,
        @NotBlank @Size(max = Limits.TEXT) String successMetric) {
}
