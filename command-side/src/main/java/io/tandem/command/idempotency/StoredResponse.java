package io.tandem.command.idempotency;

/**
 * The first answer to an idempotent request, replayed to every retry.
 *
 * @param status  the HTTP status
 * @param body    the JSON body
 * @param version the version that was sent as the ETag, or null if there was none
 */
record StoredResponse(int status, String body, Long version) {
}
