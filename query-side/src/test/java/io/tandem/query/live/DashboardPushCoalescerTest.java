package io.tandem.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tandem.query.dashboard.DashboardView;
import io.tandem.query.updates.DashboardUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.unit.DataSize;

class DashboardPushCoalescerTest {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    final List<Message<?>> sent = new CopyOnWriteArrayList<>();
    final List<Long> sentAtNanos = new CopyOnWriteArrayList<>();
    DashboardPushCoalescer coalescer;

    @BeforeEach
    void setUp() {
        SimpMessagingTemplate template = new SimpMessagingTemplate((message, timeout) -> {
            sent.add(message);
            sentAtNanos.add(System.nanoTime());
            return true;
        });
        LiveProperties properties = new LiveProperties(List.of("http://localhost:8080"), INTERVAL,
                DataSize.ofKilobytes(64), Duration.ofSeconds(10), Duration.ofSeconds(30),
                new LiveProperties.Relay(false, "127.0.0.1", 61613, "guest", "guest", "/"));
        DefaultSubscriptionRegistry subscriptions = new DefaultSubscriptionRegistry();
        subscribe(subscriptions, "/topic/products/p-1/dashboard");
        subscribe(subscriptions, "/topic/products/p-2/dashboard");
        coalescer = new DashboardPushCoalescer(template, new TopicSubscribers(subscriptions), mock(TaskScheduler.class),
                new LiveMetrics(new SimpleMeterRegistry()), properties);
    }

    @Test
    void aBurstBecomesOnePushOfTheNewestState() {
        for (long version = 1; version <= 50; version++) {
            coalescer.offer(DashboardUpdated.of(view("p-1", version)));
        }

        coalescer.flush();
        coalescer.flush();

        assertThat(sent).hasSize(1);
        assertThat(version(0)).isEqualTo(50);
        assertThat(SimpMessageHeaderAccessor.getDestination(sent.get(0).getHeaders()))
                .isEqualTo("/topic/products/p-1/dashboard");
    }

    @Test
    void anUpdateRightAfterAPushWaitsForTheIntervalAndStillArrives() {
        coalescer.offer(DashboardUpdated.of(view("p-1", 1)));
        coalescer.flush();
        coalescer.offer(DashboardUpdated.of(view("p-1", 2)));
        coalescer.offer(DashboardUpdated.of(view("p-1", 3)));

        coalescer.flush();
        assertThat(sent).hasSize(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            coalescer.flush();
            return sent.size() == 2;
        });

        assertThat(version(1)).isEqualTo(3);
        assertThat(Duration.ofNanos(sentAtNanos.get(1) - sentAtNanos.get(0))).isGreaterThanOrEqualTo(INTERVAL);
    }

    @Test
    void productsAreCoalescedEachOnTheirOwn() {
        coalescer.offer(DashboardUpdated.of(view("p-1", 7)));
        coalescer.offer(DashboardUpdated.of(view("p-2", 3)));

        coalescer.flush();

        assertThat(sent).extracting(message -> SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
                .containsExactlyInAnyOrder("/topic/products/p-1/dashboard", "/topic/products/p-2/dashboard");
    }

    @Test
    void anOlderStateNeverReplacesANewerOne() {
        coalescer.offer(DashboardUpdated.of(view("p-1", 9)));
        coalescer.offer(DashboardUpdated.of(view("p-1", 8)));

        coalescer.flush();

        assertThat(version(0)).isEqualTo(9);
    }

    @Test
    void onlyThePushedChangeIsRendered() {
        List<Long> rendered = new CopyOnWriteArrayList<>();
        for (long version = 1; version <= 5; version++) {
            long v = version;
            coalescer.offer(DashboardUpdated.rendering("p-1", v, Instant.now(), () -> {
                rendered.add(v);
                return view("p-1", v);
            }));
        }
        assertThat(rendered).as("nothing rendered before the push").isEmpty();

        coalescer.flush();

        assertThat(rendered).containsExactly(5L);
        assertThat(version(0)).isEqualTo(5);
    }

    @Test
    void aProductNobodyIsSubscribedToIsNeitherRenderedNorSent() {
        List<Long> rendered = new CopyOnWriteArrayList<>();
        coalescer.offer(DashboardUpdated.rendering("p-3", 1, Instant.now(), () -> {
            rendered.add(1L);
            return view("p-3", 1);
        }));
        coalescer.offer(DashboardUpdated.of(view("p-1", 4)));

        coalescer.flush();

        assertThat(rendered).isEmpty();
        assertThat(sent).extracting(message -> SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
                .containsExactly("/topic/products/p-1/dashboard");
    }

    private static void subscribe(DefaultSubscriptionRegistry subscriptions, String destination) {
        SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.SUBSCRIBE);
        headers.setSessionId("s-" + destination.hashCode());
        headers.setSubscriptionId("sub-1");
        headers.setDestination(destination);
        subscriptions.registerSubscription(MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders()));
    }

    /** The version pushed in the i-th message (the template passes the view through as the payload). */
    private long version(int index) {
        return ((DashboardView) sent.get(index).getPayload()).version();
    }

    private static DashboardView view(String productId, long version) {
        return new DashboardView(productId, "Product", version, version, Instant.now(), Instant.now(), "vision",
                null, List.of(), null, List.of(), null, null, List.of(), List.of(), null, 0, List.of());
    }
}
