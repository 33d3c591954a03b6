package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/products}. */
record CreateProductRequest(
        @NotBlank @Size(max = Limits.TITLE) String name,
        @Size(max = Limits.TEXT) String vision) {
}
