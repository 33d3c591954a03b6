package io.tandem.query.live;

import static com.mongodb.client.model.Sorts.ascending;
import static io.tandem.query.live.LiveTestSupport.awaitDashboard;
import static io.tandem.query.live.LiveTestSupport.awaitMembers;
import static io.tandem.query.live.LiveTestSupport.dashboardTopic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.Horizon;
import io.tandem.query.QuerySideApplication;
import io.tandem.query.web.Api;
import io.tandem.query.web.ProductHistory;
import io.tandem.support.testing.HeavyRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.core.ConditionFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.RawBsonDocument;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hostile STOMP frames at {@code /ws} over a raw WebSocket ({@link HostileFrames}): each is answered with an ERROR frame
 * or a closed connection and nothing of any product; afterwards the event store holds the same bytes, the service is
 * healthy and a well-behaved client still connects and receives its pushes.
 */
@AddLifecycleHook(HeavyRuns.class)
class HostileFramesTest {

    static ConfigurableApplicationContext querySide;
    static int port;
    static Api api;
    static MongoDatabase database;
    static ProductHistory product;
    static HostileFrames frames;
    static List<String> eventStoreBefore;

    @BeforeContainer
    static void start() {
        querySide = new SpringApplicationBuilder(QuerySideApplication.class).profiles("demo").run(
                "--server.port=0",
                "--tandem.store.embedded.enabled=true",
                "--tandem.store.embedded.backend=memory",
                "--tandem.store.embedded.port=0",
                // the bad-credential frames all come from this one address; the limit itself is tested elsewhere
                "--tandem.security.login-attempts.max-failures=100000",
                "--logging.level.root=WARN");
        port = ((ServletWebServerApplicationContext) querySide).getWebServer().getPort();
        api = new Api(port);
        database = querySide.getBean(MongoDatabase.class);
        EventStore eventStore = querySide.getBean(EventStore.class);
        product = ProductHistory.create(eventStore, "Fuzzed", "pm");
        ProductHistory foreign = ProductHistory.create(eventStore, "Foreign", "po");
        awaitDashboard(api, product.productId(), dashboard -> true);
        awaitMembers(api, product.productId(), "pm");
        frames = new HostileFrames(product.productId(), foreign.productId());
        eventStoreBefore = eventStore();
    }

    @AfterContainer
    static void stop() {
        if (querySide != null) {
            querySide.close();
        }
    }

    @Property(tries = 300)
    void everyHostileFrameIsAnsweredWithAnErrorFrameOrAClose(@ForAll("hostileFrames") HostileFrames.HostileFrame frame) {
        try (RawStomp stomp = RawStomp.open(port)) {
            if (frame.afterConnect()) {
                stomp.send(RawStomp.connect("pm", "demo"));
                soon().until(() -> stomp.frames().stream()
                        .anyMatch(received -> received.startsWith("CONNECTED")));
            }

            frame.sendTo(stomp);

            soon().alias(frame.toString())
                    .until(() -> stomp.hasError() || stomp.isClosedByServer());
            assertThat(stomp.frames()).as("%s", frame).noneMatch(received -> received.startsWith("MESSAGE"));
        }
        assertThat(api.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
    }

    @AfterProperty
    void theStoreIsUnchangedAndAWellBehavedClientStillGetsItsPushes() {
        assertThat(eventStore()).isEqualTo(eventStoreBefore);
        assertThat(api.as("pm").get("/api/products").status()).isEqualTo(200);
        String topic = dashboardTopic(product.productId());
        try (StompProbe pm = StompProbe.connect(port, "pm")) {
            pm.subscribe(topic);
            await().atMost(Duration.ofSeconds(10)).until(() -> !pm.bodies(topic).isEmpty());

            product.planRoadmapItem("After the storm", Horizon.NOW);

            await().atMost(Duration.ofSeconds(10)).until(() -> pm.bodies(topic).stream()
                    .anyMatch(dashboard -> dashboard.at("/roadmap/now/0/title").asText().equals("After the storm")));
        }
    }

    /** Waits up to 10 s, looking every few milliseconds (hundreds of tries each wait a little). */
    private static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    @Provide
    Arbitrary<HostileFrames.HostileFrame> hostileFrames() {
        return frames.any();
    }

    /** Every document of the event store (events, snapshots, the sequence counter) as stored bytes, in _id order. */
    private static List<String> eventStore() {
        List<String> documents = new ArrayList<>();
        for (String collection : List.of("events", "snapshots", "sequences")) {
            for (RawBsonDocument document : database.getCollection(collection, RawBsonDocument.class).find()
                    .sort(ascending("_id"))) {
                documents.add(collection + ":" + java.util.HexFormat.of().formatHex(document.getByteBuffer().array(),
                        0, document.getByteBuffer().remaining()));
            }
        }
        return documents;
    }
}
