package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /api/products/{productId}/vision}. */
record ChangeVisionRequest(@NotBlank @Size(max = Limits.TEXT) String vision) {
}
