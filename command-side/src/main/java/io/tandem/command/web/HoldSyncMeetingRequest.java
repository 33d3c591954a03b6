package io.tandem.command.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Body of {@code POST /api/products/{productId}/sync-meetings}. */
record HoldSyncMeetingRequest(
        @NotBlank @Size(max = Limits.TITLE) String title,
        @Size(max = Limits.LIST) List<@NotBlank @Size(max = Limits.TITLE) String> attendees,
        @Size(max = Limits.TEXT) String notes) {
}
