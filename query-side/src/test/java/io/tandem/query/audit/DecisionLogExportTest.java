package io.tandem.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.events.Horizon;
import io.tandem.events.Role;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.query.web.QuerySideTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@QuerySideTest
class DecisionLogExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RATIONALE = "=HYPERLINK(\"http://evil\"), then \"JSON\" first\nsaid größer ✓";

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;

    Api api;
    String list;
    String export;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        ProductHistory product = ProductHistory.create(eventStore, "Audit export", "pm")
                .grant("po", Role.PRODUCT_OWNER);
        String roadmapItem = product.planRoadmapItem("Exports", Horizon.NOW);
        String first = product.addBacklogItem("CSV export", roadmapItem);
        product.addBacklogItem("JSON export", roadmapItem);
        product.reprioritize(first, 1, 2, RATIONALE);
        list = "/api/products/" + product.productId() + "/decisions";
        export = list + "/export";
        await().atMost(Duration.ofSeconds(10)).until(() -> api.as("pm").get(list + "?limit=500"),
                response -> response.status() == 200 && response.json().get("entries").size() == 7);
    }

    @Test
    void exportsTheFilteredLogAsCsvWithTheListsEntries() {
        JsonNode listed = api.as("pm").get(list + "?actor=po&limit=500").json().get("entries");

        Api.Response response = api.as("po").get(export + "?format=csv&actor=po");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(response.header("Content-Disposition")).startsWith("attachment;")
                .containsPattern("filename=\"tandem-decisions-[0-9a-f-]+-\\d{8}T\\d{6}Z\\.csv\"");
        List<List<String>> records = RfcCsv.parse(response.text());
        assertThat(records.get(0)).containsExactly("globalPosition", "timestamp", "actor", "role", "type", "item",
                "before", "after", "rationale", "sentence");
        assertThat(listed).hasSize(3);
        assertThat(records).hasSize(listed.size() + 1);
        for (int i = 0; i < listed.size(); i++) {
            JsonNode entry = listed.get(i);
            assertThat(records.get(i + 1)).containsExactly(entry.get("globalPosition").asText(),
                    entry.get("timestamp").asText(), "po", "PRODUCT_OWNER", entry.get("type").asText(),
                    entry.get("itemId").asText(), text(entry, "before"), text(entry, "after"),
                    rationaleAsExported(entry), entry.get("sentence").asText());
        }
        assertThat(records.get(3).get(8)).isEqualTo("'" + RATIONALE);
        assertThat(response.text()).endsWith("\r\n");
    }

    @Test
    void exportsTheFilteredLogAsJsonLinesEqualToTheListsEntries() {
        JsonNode listed = api.as("pm").get(list + "?type=BacklogItemAdded&limit=500").json().get("entries");

        Api.Response response = api.as("pm").get(export + "?format=jsonl&type=BacklogItemAdded");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/x-ndjson");
        assertThat(response.header("Content-Disposition")).contains(".jsonl\"");
        String[] lines = response.text().split("\n");
        assertThat(lines).hasSize(2).hasSize(listed.size());
        for (int i = 0; i < lines.length; i++) {
            assertThat(json(lines[i])).isEqualTo(listed.get(i));
        }
    }

    @Test
    void choosesTheFormatByAcceptWhenNoFormatIsGiven() {
        HttpResponse<String> jsonLines = get(export, "application/x-ndjson", "pm");
        HttpResponse<String> csv = get(export, "text/csv", "pm");
        HttpResponse<String> anything = get(export, "*/*", "pm");
        HttpResponse<String> xml = get(export, "application/xml", "pm");

        assertThat(jsonLines.statusCode()).isEqualTo(200);
        assertThat(jsonLines.body().split("\n")).hasSize(7);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.body().split("\r\n")).hasSize(8);
        assertThat(anything.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(xml.headers().firstValue("Content-Type")).get().asString()
                .startsWith("application/problem+json");
        assertThat(json(xml.body()).get("type").asText()).isEqualTo("urn:tandem:problem:not-acceptable");
    }

    @Test
    void refusesAnUnknownFormatAndBadFiltersWithAValidationProblem() {
        Api.Response unknown = api.as("pm").get(export + "?format=xlsx");
        Api.Response badFilters = api.as("pm").get(export + "?format=csv&role=KING&from=yesterday");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.json().get("type").asText()).isEqualTo("urn:tandem:problem:validation");
        assertThat(unknown.json().get("errors").get(0).get("field").asText()).isEqualTo("format");
        assertThat(badFilters.status()).isEqualTo(400);
        assertThat(badFilters.json().get("errors")).extracting(error -> error.get("field").asText())
                .containsExactlyInAnyOrder("role", "from");
    }

    @Test
    void isForMembersOnly() {
        Api.Response stranger = api.as("viewer").get(export + "?format=csv");
        Api.Response anonymous = api.get(export + "?format=csv");

        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("type").asText()).isEqualTo("urn:tandem:problem:not-found");
        assertThat(stranger.text()).doesNotContain("Exports");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    private static String rationaleAsExported(JsonNode entry) {
        String rationale = text(entry, "rationale");
        return CsvWriter.startsLikeAFormula(rationale.isEmpty() ? " " : rationale) ? "'" + rationale : rationale;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> get(String path, String accept, String user) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).header("Authorization", Api.basic(user, "demo")).GET().build();
        try {
            return HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
