package io.tandem.query.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.QuerySideApplication;
import io.tandem.query.web.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The query side as operations sees it, started as in production (a test context would swap the Prometheus registry
 * for a simple one) with JSON logs, on a store outside it that outlives it: the meters, the correlation id of the
 * event being handled in the log lines, and no segment claims left behind when it stops. Stopping is the last test.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> PROCESSORS = List.of(ProcessingGroups.MEMBERSHIP, ProcessingGroups.DASHBOARD,
            ProcessingGroups.DECISION_LOG, ProcessingGroups.PRODUCT_HISTORY);

    static EmbeddedMongoServer store;
    static MongoClient storeClient;
    static ConfigurableApplicationContext querySide;
    static Api api;

    @BeforeAll
    static void start() {
        store = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, null, "127.0.0.1", 0,
                                          Durability.COMMIT);
        storeClient = MongoClients.create(store.connectionString());
        // Spring Boot configures logging once per JVM until a context closes, and the cached test contexts stay open:
        // released here so that this application's JSON format applies.
        LoggingSystem.get(OperationsTest.class.getClassLoader()).cleanUp();
        querySide = new SpringApplicationBuilder(QuerySideApplication.class, LoggingHandler.class)
                .profiles("demo").run(
                        "--server.port=0",
                        "--tandem.store.uri=" + store.connectionString(),
                        "--logging.structured.format.console=ecs");
        api = new Api(((ServletWebServerApplicationContext) querySide).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
        storeClient.close();
        store.close();
    }

    @Test
    @Order(1)
    void exposesProcessorLagPerSegmentAndLiveSessionsToSignedInUsers() {
        assertThat(api.get("/actuator/prometheus").status()).isEqualTo(401);

        List<String> lags = await().atMost(Duration.ofSeconds(20)).until(this::lagSamples,
                samples -> PROCESSORS.stream().allMatch(processor -> samples.stream().anyMatch(
                        sample -> sample.contains("processor=\"" + processor + "\""))));
        assertThat(lags).allSatisfy(sample -> assertThat(sample).contains("segment=\""));
        assertThat(scrape()).contains("tandem_live_sessions ");
    }

    @Test
    @Order(2)
    void logsTheCorrelationIdOfTheEventBeingHandled(CapturedOutput output) {
        String productId = UUID.randomUUID().toString();
        querySide.getBean(EventStore.class).publish(new GenericDomainEventMessage<>("ProductPlan", productId, 0,
                new ProductCreatedEvent(productId, "Logged", "Vision"),
                MetaData.with("actor", "pm").and("role", "PRODUCT_MANAGER").and("correlationId", "evt-corr-42")));

        JsonNode line = await().atMost(Duration.ofSeconds(20)).until(() -> handlerLine(output, productId),
                                                                        found -> found != null);
        assertThat(line.path("correlationId").asText()).isEqualTo("evt-corr-42");
    }

    @Test
    @Order(3)
    void releasesEverySegmentClaimWhenStopped() {
        MongoCollection<Document> tokens = storeClient.getDatabase("tandem").getCollection("tracking_tokens");
        await().atMost(Duration.ofSeconds(20)).until(() -> PROCESSORS.stream().allMatch(processor ->
                tokens.countDocuments(new Document("processorName", processor)
                                              .append("owner", new Document("$ne", null))) > 0));

        querySide.close();

        List<Document> claimed = tokens.find(new Document("owner", new Document("$ne", null)))
                                       .into(new ArrayList<>());
        assertThat(claimed).as("claims left behind").isEmpty();
        assertThat(tokens.countDocuments()).as("the tokens themselves stay").isPositive();
    }

    private List<String> lagSamples() {
        return scrape().lines().filter(line -> line.startsWith("tandem_processor_lag{")).toList();
    }

    private static String scrape() {
        Api.Response response = api.as("viewer").get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.text();
    }

    private static JsonNode handlerLine(CapturedOutput output, String productId) {
        return output.getOut().lines()
                     .filter(line -> line.startsWith("{") && line.contains("handled the creation of " + productId))
                     .map(OperationsTest::parse)
                     .findFirst().orElse(null);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a JSON log line: " + line, e);
        }
    }

    /** A dashboard handler that logs; registered by the test only (not scanned). */
    @ProcessingGroup(ProcessingGroups.DASHBOARD)
    static class LoggingHandler {
        private static final Logger LOG = LoggerFactory.getLogger(LoggingHandler.class);

        @EventHandler
        void on(ProductCreatedEvent event) {
            LOG.info("handled the creation of {}", event.productId());
        }
    }
}
