package io.tandem.command.web;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.springframework.lang.Nullable;

/**
 * What a command carries besides its payload: who sends it (always the authenticated principal, never the body),
 * the correlation id, the idempotency key and the version the client decided on ({@code If-Match}).
 */
record CommandContext(String actor, String correlationId, @Nullable String idempotencyKey,
        @Nullable Long expectedVersion) {

    static final String ACTOR = "actor";
    static final String CORRELATION_ID = "correlationId";
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    MetaData metaData() {
        Map<String, Object> entries = new HashMap<>();
        entries.put(ACTOR, actor);
        entries.put(CORRELATION_ID, correlationId);
        if (idempotencyKey != null) {
            entries.put(IDEMPOTENCY_KEY, idempotencyKey);
        }
        return MetaData.from(entries);
    }
}
