package io.tandem.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.Document;
import org.junit.jupiter.api.Test;

/** Who did it comes from authentication and the request headers, never from the body. */
@CommandApiTest
class ActorFromPrincipalTest extends CommandApiFixture {

    @Test
    void recordsTheAuthenticatedUserAsActorEvenWhenTheBodyNamesAnother() {
        ApiClient.Response response = api.as("po").post("/api/products",
                "{\"name\":\"Spoofed\",\"actor\":\"pm\",\"metaData\":{\"actor\":\"pm\"}}");

        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(events.metaDataAt(response.id(), 0).getString("actor")).isEqualTo("po");
        assertThat(events.metaDataAt(response.id(), response.version()).getString("actor")).isEqualTo("po");
        Document payload = events.at(response.id(), response.version()).get("payload", Document.class);
        assertThat(payload).containsEntry("userId", "po");
    }

    @Test
    void copiesTheCorrelationIdHeaderIntoTheEventsAndTheAnswer() {
        ApiClient.Response response = api.as("pm").header("X-Correlation-Id", "sync-2024-w12")
                .post("/api/products", "{\"name\":\"Correlated\"}");

        assertThat(response.header("X-Correlation-Id")).isEqualTo("sync-2024-w12");
        assertThat(events.metaDataAt(response.id(), 0).getString("correlationId")).isEqualTo("sync-2024-w12");
    }

    @Test
    void generatesACorrelationIdWhenNoneIsSent() {
        ApiClient.Response response = api.as("pm").post("/api/products", "{\"name\":\"Uncorrelated\"}");

        String generated = response.header("X-Correlation-Id");
        assertThat(generated).isNotBlank();
        assertThat(events.metaDataAt(response.id(), 0).getString("correlationId")).isEqualTo(generated);
    }

    @Test
    void recordsTheIdempotencyKeyInTheEvents() {
        ApiClient.Response response = api.as("pm").header("Idempotency-Key", "create-keyed-product")
                .post("/api/products", "{\"name\":\"Keyed\"}");

        assertThat(events.metaDataAt(response.id(), 0).getString("idempotencyKey")).isEqualTo("create-keyed-product");
    }
}
