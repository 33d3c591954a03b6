package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of the commands that only need the reason why: retire an objective, drop or remove an item. */
record RationaleRequest(@NotBlank @Size(max = Limits.TEXT) String rationale) {
}
