package io.tandem.command.config;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import io.tandem.command.CommandSideApplication;
import io.tandem.command.web.ApiClient;
import io.tandem.command.web.EventLog;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command side as operations sees it, started as in production (a test context would swap the Prometheus registry
 * for a simple one) on a store the test can take away: meters scraped signed in, JSON log lines that carry each
 * request's correlation id, and readiness that follows MongoDB.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;
    static EmbeddedMongoServer store;
    static ConfigurableApplicationContext commandSide;
    static ApiClient api;

    @BeforeAll
    static void start() {
        store = startStore(0);
        // Spring Boot configures logging once per JVM until a context closes, and the cached test contexts stay open:
        // released here so that this application's JSON format applies.
        LoggingSystem.get(OperationsTest.class.getClassLoader()).cleanUp();
        commandSide = new SpringApplicationBuilder(CommandSideApplication.class).profiles("demo").run(
                "--server.port=0",
                "--tandem.store.embedded.enabled=false",
                "--tandem.store.uri=" + store.connectionString(),
                "--tandem.demo.seed=false",
                "--logging.structured.format.console=ecs",
                "--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG");
        api = new ApiClient(((ServletWebServerApplicationContext) commandSide).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (commandSide != null) {
            commandSide.close();
        }
        store.close();
    }

    @Test
    void prometheusNeedsSignInButNoRole() {
        assertProblem(api.anonymous().get("/actuator/prometheus"), 401, "unauthorized");
        assertThat(api.as("viewer").get("/actuator/prometheus").status()).isEqualTo(200);
    }

    @Test
    void countsCommandsByTypeAndOutcomeAndTheEventsAppended() {
        String before = scrape();
        EventLog events = new EventLog(commandSide.getBean(MongoDatabase.class));
        long storedBefore = events.count();

        assertThat(api.as("pm").post("/api/products", "{\"name\":\"Metered\"}").status()).isEqualTo(201);
        assertThat(api.as("pm").put("/api/products/" + UUID.randomUUID() + "/vision", "{\"vision\":\"Nowhere\"}")
                      .status()).isEqualTo(404);

        String after = scrape();
        long appended = events.count() - storedBefore;
        assertThat(appended).as("a new product and its first manager").isEqualTo(2);
        assertThat(value(after, "tandem_events_appended_total") - value(before, "tandem_events_appended_total"))
                .isEqualTo(appended);
        assertThat(commands(after, "CreateProductCommand", "success")
                           - commands(before, "CreateProductCommand", "success")).isEqualTo(1);
        assertThat(commands(after, "ChangeVisionCommand", "rejected")
                           - commands(before, "ChangeVisionCommand", "rejected")).isEqualTo(1);
        assertThat(commands(after, "ChangeVisionCommand", "success"))
                .isEqualTo(commands(before, "ChangeVisionCommand", "success"));
    }

    @Test
    void logsARequestAsJsonWithTheCorrelationIdItWasSent(CapturedOutput output) {
        ApiClient.Response response = api.as("pm").header("X-Correlation-Id", "ops-json-7")
                .post("/api/products", "{\"name\":\"Logged\"}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(jsonLinesWithCorrelationId(output, "ops-json-7"))
                .as("DispatcherServlet's lines of the request").isNotEmpty()
                .allSatisfy(line -> assertThat(line.at("/log/logger").asText()).contains("DispatcherServlet"));
    }

    @Test
    void logsTheCorrelationIdItPutsIntoTheEventsWhenNoneWasSent(CapturedOutput output) {
        ApiClient.Response response = api.as("pm").post("/api/products", "{\"name\":\"Logged without id\"}");

        String generated = response.header("X-Correlation-Id");
        assertThat(new EventLog(commandSide.getBean(MongoDatabase.class)).metaDataAt(response.id(), 0)
                                                                          .getString("correlationId"))
                .isEqualTo(generated);
        assertThat(jsonLinesWithCorrelationId(output, generated)).isNotEmpty();
    }

    @Test
    void isNotReadyWhileTheStoreIsUnreachable() {
        assertThat(readiness()).isEqualTo(200);

        int port = store.port();
        store.close();
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 503);
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).as("alive all the same").isEqualTo(200);

        store = startStore(port);
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness() == 200);
    }

    private static int readiness() {
        return api.anonymous().get("/actuator/health/readiness").status();
    }

    /** The H2 backend, so that the data outlives a restart of the store. */
    private static EmbeddedMongoServer startStore(int port) {
        return EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.H2, dataDir, "127.0.0.1", port,
                                         Durability.COMMIT);
    }

    private static String scrape() {
        ApiClient.Response response = api.as("pm").get("/actuator/prometheus");
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.body();
    }

    private static double commands(String scrape, String command, String outcome) {
        return value(scrape, "tandem_commands_seconds_count", "command=\"" + command + "\"",
                     "outcome=\"" + outcome + "\"");
    }

    /** The sum of the samples with this name and these labels; 0 when there are none yet. */
    private static double value(String scrape, String name, String... labels) {
        return scrape.lines()
                     .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                     .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                     .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                     .sum();
    }

    private static List<JsonNode> jsonLinesWithCorrelationId(CapturedOutput output, String correlationId) {
        return output.getOut().lines()
                     .filter(line -> line.startsWith("{") && line.contains(correlationId))
                     .map(OperationsTest::parse)
                     .filter(line -> correlationId.equals(line.path("correlationId").asText()))
                     .toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON log line: " + line, e);
        }
    }
}
