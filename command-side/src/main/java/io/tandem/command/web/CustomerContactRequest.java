package io.tandem.command.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A customer's contact details in a feedback submission. They are personal data: sealed with the customer's own key
 * before they reach the event, and erasable (`POST …/customers/{reference}/forget`).
 */
record CustomerContactRequest(
        @Size(max = Limits.TITLE) String name,
        @Email @Size(max = 254) String email) {
}
