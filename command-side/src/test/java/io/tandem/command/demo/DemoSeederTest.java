package io.tandem.command.demo;

import static io.tandem.command.demo.DemoEvents.metaData;
import static io.tandem.command.demo.DemoEvents.payload;
import static io.tandem.command.demo.DemoEvents.timestamp;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile seeds its product into the empty store at start-up. Configured like the web tests, so the context
 * is shared with them; every assertion looks only at the demo product's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tandem.store.embedded.enabled=true",
        "tandem.store.embedded.backend=memory",
        "tandem.store.embedded.port=0"})
@ActiveProfiles("demo")
class DemoSeederTest {

    @Autowired
    MongoDatabase database;
    @Autowired
    DemoSeeder seeder;

    DemoEvents events;
    Instant now;

    @BeforeEach
    void readEvents() {
        events = new DemoEvents(database);
        now = Instant.now();
    }

    @Test
    void historySpansMoreThanFiveWeeksOfWorkingHoursInThePast() {
        List<Instant> times = events.all().stream().map(DemoEvents::timestamp).toList();

        assertThat(times).hasSizeGreaterThan(50);
        assertThat(Duration.between(times.get(0), times.get(times.size() - 1))).isGreaterThan(Duration.ofDays(35));
        assertThat(times).isSorted().allSatisfy(time -> {
            assertThat(time).isBefore(now);
            ZonedDateTime local = time.atZone(DemoTimeline.TEAM_ZONE);
            assertThat(local.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(local.getHour()).isBetween(9, 17);
        });
    }

    @Test
    void twoSyncMeetingsAboutThreeWeeksAndOneWeekAgoWithChangesAfterTheLast() {
        List<Instant> meetings = events.ofType(SyncMeetingHeldEvent.class).stream().map(DemoEvents::timestamp)
                                       .toList();

        assertThat(meetings).hasSize(2);
        // "about three weeks" and "about one week" in working days, so the calendar days depend on today's weekday
        assertThat(Duration.between(meetings.get(0), now).toDays()).isBetween(14L, 28L);
        assertThat(Duration.between(meetings.get(1), now).toDays()).isBetween(3L, 12L);
        assertThat(events.all()).filteredOn(e -> timestamp(e).isAfter(meetings.get(1))).hasSizeGreaterThan(5);
        assertThat(payload(events.ofType(SyncMeetingHeldEvent.class).get(0)).getList("attendees", String.class))
                .contains("pm", "po");
    }

    @Test
    void theProductManagerAndTheProductOwnerBothRecordDecisions() {
        Set<String> roles = events.ofType(DecisionRecordedEvent.class).stream()
                                  .map(e -> metaData(e).getString("actor") + "/" + metaData(e).getString("role"))
                                  .collect(Collectors.toSet());

        assertThat(roles).containsExactlyInAnyOrder("pm/PRODUCT_MANAGER", "po/PRODUCT_OWNER");
    }

    @Test
    void feedbackReceivedMoreThanSevenDaysAgoIsStillUntriaged() {
        Set<String> triaged = events.ofType(FeedbackTriagedEvent.class).stream()
                                    .map(e -> payload(e).getString("feedbackId")).collect(Collectors.toSet());
        List<Document> received = events.ofType(FeedbackReceivedEvent.class);

        assertThat(received).filteredOn(e -> !triaged.contains(payload(e).getString("feedbackId")))
                            .filteredOn(e -> timestamp(e).isBefore(now.minus(Duration.ofDays(7))))
                            .isNotEmpty();
        assertThat(triaged).hasSizeGreaterThan(received.size() / 2);
    }

    @Test
    void feedbackComesFromSeveralChannelsAndPeopleAndIsLinkedDeclinedOrMarkedDuplicate() {
        List<Document> received = events.ofType(FeedbackReceivedEvent.class);
        List<Document> triaged = events.ofType(FeedbackTriagedEvent.class);

        assertThat(received).hasSizeGreaterThanOrEqualTo(10);
        assertThat(received.stream().map(e -> payload(e).getString("channel")).distinct()).hasSizeGreaterThan(4);
        assertThat(received.stream().map(e -> metaData(e).getString("actor")).distinct())
                .containsExactlyInAnyOrder("pm", "po", "contributor");
        assertThat(received).allSatisfy(e -> assertThat(payload(e).getString("customerReference"))
                .matches("cust-\\d{4}"));
        assertThat(triaged).extracting(e -> payload(e).getString("outcome"))
                           .contains("LINKED", "DECLINED", "DUPLICATE")
                           .containsOnlyOnce("DUPLICATE");
        assertThat(triaged).filteredOn(e -> "DECLINED".equals(payload(e).getString("outcome")))
                           .allSatisfy(e -> assertThat(payload(e).getString("rationale")).isNotBlank());
    }

    @Test
    void everyEventCarriesTheActorAndTheRoleItWasDecidedIn() {
        assertThat(events.all()).allSatisfy(e -> {
            assertThat(metaData(e).getString("actor")).isIn("pm", "po", "contributor");
            assertThat(metaData(e).getString("role")).isIn("PRODUCT_MANAGER", "PRODUCT_OWNER", "CONTRIBUTOR");
        });
    }

    @Test
    void seedingAgainAppendsNothingAndLeavesAxonOnTheSystemClock() {
        long before = DemoEvents.countAll(database);

        assertThat(seeder.seedIfEmpty()).isZero();
        assertThat(DemoEvents.countAll(database)).isEqualTo(before);
        assertThat(GenericEventMessage.clock).isEqualTo(Clock.systemUTC());
    }
}
