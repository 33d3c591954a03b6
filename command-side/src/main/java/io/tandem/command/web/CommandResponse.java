package io.tandem.command.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to an accepted command.
 *
 * @param id      the id of the created or affected thing
 * @param version the version of the aggregate after the command (also the ETag); for feedback, the feedback item's
 */
@Schema(description = "The answer to an accepted command; the version is also sent as the ETag.")
record CommandResponse(
        @Schema(description = "Id of the created or affected thing", example = "3f0c8f0e-8a4e-4c59-9d2e-2a7f4f1d9b10")
        String id,
        @Schema(description = "Version of the aggregate after the command: send it back as If-Match", example = "4")
        long version) {
}
