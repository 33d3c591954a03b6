package io.tandem.query.dashboard;

import static io.tandem.query.dashboard.Product.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemUnlinkedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.TriageOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    @Test
    void startsWhenThePoMovesWorkForALaterItemIntoTheTop3AndClearsWhenItLeaves() {
        Product p = Product.created().roadmap("now", Horizon.NOW).roadmap("later", Horizon.LATER);
        IntStream.rangeClosed(1, 3).forEach(i -> p.backlog("b" + i, "now"));
        p.backlog("lw", "later");
        assertThat(alerts(p, Alert.LATER_WORK_IN_TOP_3)).isEmpty();

        p.later(Duration.ofMinutes(1)).move("lw", 2);
        Instant movedAt = p.events.now();

        assertThat(alerts(p, Alert.LATER_WORK_IN_TOP_3)).singleElement().satisfies(alert -> {
            assertThat(alert.itemId()).isEqualTo("lw");
            assertThat(alert.severity()).isEqualTo(Alert.CRITICAL);
            assertThat(alert.message()).isEqualTo("\"Story lw\" at rank 2 serves \"Title later\", which is planned "
                    + "for LATER");
            assertThat(alert.since()).isEqualTo(movedAt);
        });

        p.later(Duration.ofMinutes(1)).move("lw", 1);
        assertThat(alerts(p, Alert.LATER_WORK_IN_TOP_3)).singleElement()
                .satisfies(alert -> assertThat(alert.since()).isEqualTo(movedAt));

        p.move("lw", 4);
        assertThat(alerts(p, Alert.LATER_WORK_IN_TOP_3)).isEmpty();
    }

    @Test
    void startsWhenThePmMovesARoadmapItemWithTop10WorkToLaterAndClearsWhenTheWorkIsUnlinked() {
        Product p = Product.created().roadmap("r1", Horizon.NEXT).backlog("b1", "r1").backlog("b2", "r1");
        assertThat(alerts(p, Alert.LATER_ITEM_WITH_TOP_10_WORK)).isEmpty();

        p.reschedule("r1", Horizon.NEXT, Horizon.LATER);

        assertThat(alerts(p, Alert.LATER_ITEM_WITH_TOP_10_WORK)).singleElement().satisfies(alert -> {
            assertThat(alert.itemId()).isEqualTo("r1");
            assertThat(alert.message()).isEqualTo("\"Title r1\" is planned for LATER but 2 of the top-10 backlog "
                    + "items depend on it");
        });

        p.po(new BacklogItemUnlinkedEvent(ID, "b1", "r1"));
        assertThat(alerts(p, Alert.LATER_ITEM_WITH_TOP_10_WORK)).singleElement()
                .satisfies(alert -> assertThat(alert.message()).contains("1 of the top-10 backlog items depends"));
        p.po(new BacklogItemUnlinkedEvent(ID, "b2", "r1"));
        assertThat(alerts(p, Alert.LATER_ITEM_WITH_TOP_10_WORK)).isEmpty();
    }

    @Test
    void laterItemAlertIgnoresWorkBelowTheTop10() {
        Product p = Product.created().roadmap("r1", Horizon.LATER).roadmap("n", Horizon.NOW);
        IntStream.rangeClosed(1, 10).forEach(i -> p.backlog("b" + i, "n"));
        p.backlog("b11", "r1");

        assertThat(alerts(p, Alert.LATER_ITEM_WITH_TOP_10_WORK)).isEmpty();
        p.move("b11", 10);
        assertThat(alerts(p, Alert.LATER_ITEM_WITH_TOP_10_WORK)).extracting(Alert::itemId).containsExactly("r1");
    }

    @Test
    void startsForANowItemWithoutOpenWorkAndClearsWhenWorkIsLinkedOrItShips() {
        Product p = Product.created().roadmap("r1", Horizon.NOW).roadmap("r2", Horizon.NOW).backlog("b1", null);

        assertThat(alerts(p, Alert.NOW_ITEM_WITHOUT_WORK)).extracting(Alert::itemId).containsExactly("r1", "r2");
        assertThat(alerts(p, Alert.NOW_ITEM_WITHOUT_WORK).get(0).severity()).isEqualTo(Alert.WARNING);

        p.po(new BacklogItemLinkedEvent(ID, "b1", "r1", null));
        p.pm(new RoadmapItemStatusChangedEvent(ID, "r2", RoadmapItemStatus.PLANNED, RoadmapItemStatus.SHIPPED));

        assertThat(alerts(p, Alert.NOW_ITEM_WITHOUT_WORK)).isEmpty();
    }

    @Test
    void startsWhenFeedbackWaitsMoreThanSevenDaysAndClearsWhenItIsTriaged() {
        Product p = Product.created().feedback("f1", FeedbackChannel.EMAIL);
        Instant received = p.events.now();
        p.later(Duration.ofDays(2)).feedback("f2", FeedbackChannel.EMAIL);

        assertThat(alertsAt(p, received.plus(Duration.ofDays(7)))).isEmpty();
        Instant tenDaysOn = received.plus(Duration.ofDays(10));
        assertThat(alertsAt(p, tenDaysOn)).singleElement().satisfies(alert -> {
            assertThat(alert.code()).isEqualTo(Alert.FEEDBACK_UNTRIAGED_OVER_7_DAYS);
            assertThat(alert.itemId()).isNull();
            assertThat(alert.since()).isEqualTo(received.plus(Duration.ofDays(7)));
            assertThat(alert.message()).isEqualTo("2 feedback items have waited more than 7 days for triage "
                    + "(oldest: 10 days)");
        });

        p.triage("f1", TriageOutcome.DECLINED, null).triage("f2", TriageOutcome.DECLINED, null);
        assertThat(alertsAt(p, tenDaysOn)).isEmpty();
    }

    private static List<Alert> alerts(Product p, String code) {
        return p.view().alerts().stream().filter(a -> a.code().equals(code)).toList();
    }

    private static List<Alert> alertsAt(Product p, Instant now) {
        return p.viewAt(now).alerts();
    }
}
