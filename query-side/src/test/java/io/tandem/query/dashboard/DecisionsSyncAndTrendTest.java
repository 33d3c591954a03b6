package io.tandem.query.dashboard;

import static io.tandem.query.dashboard.Product.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.Horizon;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.query.decisions.DecisionEvent;
import io.tandem.query.decisions.DecisionLogEntry;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DecisionsSyncAndTrendTest {

    @Test
    void listsTheLast20DecisionsNewestFirstWithTheirSentences() {
        Product p = Product.created();
        IntStream.rangeClosed(1, 25).forEach(i -> p.pm(new ObjectiveDefinedEvent(ID, "o" + i, "Goal " + i, "m")));
        p.roadmap("r1", Horizon.NEXT).reschedule("r1", Horizon.NEXT, Horizon.NOW);

        List<DecisionLogEntry> decisions = p.view().recentDecisions();

        assertThat(decisions).hasSize(20);
        assertThat(decisions.get(0).sentence())
                .isEqualTo("pm (Product Manager) rescheduled \"Title r1\" from NEXT to NOW");
        assertThat(decisions.get(0).before()).isEqualTo("NEXT");
        assertThat(decisions.get(0).after()).isEqualTo("NOW");
        assertThat(decisions.get(0).globalPosition()).isGreaterThan(decisions.get(1).globalPosition());
        assertThat(decisions.get(19).type()).isEqualTo("ObjectiveDefined");
    }

    @Test
    void keepsTheLastSyncAndCountsChangesSinceIt() {
        Product p = Product.created();
        assertThat(p.view().lastSync()).isNull();
        p.roadmap("r1", Horizon.NOW);
        p.pm(new SyncMeetingHeldEvent(ID, "m1", "Weekly sync", List.of("pm", "po"), "notes"));
        p.roadmap("r2", Horizon.NEXT).backlog("b1", "r1");

        DashboardView view = p.view();

        assertThat(view.lastSync().meetingId()).isEqualTo("m1");
        assertThat(view.lastSync().attendees()).containsExactly("pm", "po");
        assertThat(view.changesSinceLastSync()).isEqualTo(2);

        p.pm(new SyncMeetingHeldEvent(ID, "m2", "Next sync", List.of("pm"), null));
        assertThat(p.view().lastSync().meetingId()).isEqualTo("m2");
        assertThat(p.view().changesSinceLastSync()).isZero();
    }

    @Test
    void doesNotCountALateEventFromBeforeTheSyncAsAChangeSinceIt() {
        Product p = Product.created();
        DecisionEvent beforeSync = p.events.pm(new ObjectiveDefinedEvent(ID, "o1", "Goal", "m"));
        p.pm(new SyncMeetingHeldEvent(ID, "m1", "Weekly sync", List.of(), null));

        p.apply(new DecisionEvent(beforeSync.eventId(), ID, beforeSync.payload(), "pm", "PRODUCT_MANAGER",
                beforeSync.timestamp(), beforeSync.globalPosition(), "other-aggregate", 0));

        assertThat(p.view().changesSinceLastSync()).isZero();
        assertThat(p.view().objectives()).hasSize(1);
    }

    @Test
    void recordsTheScoreAfterEveryEventKeepingTheLast100() {
        Product p = Product.created().roadmap("r1", Horizon.NOW);
        assertThat(p.view().trend()).extracting(TrendPoint::score).containsExactly(0, 0, 0, 0);

        p.later(Duration.ofMinutes(5)).backlog("b1", "r1");
        TrendPoint last = p.view().trend().get(p.view().trend().size() - 1);
        assertThat(last.score()).isEqualTo(100);
        assertThat(last.at()).isEqualTo(p.events.now());

        IntStream.range(0, 120).forEach(i -> p.pm(new ObjectiveDefinedEvent(ID, "o" + i, "Goal", "m")));
        assertThat(p.view().trend()).hasSize(100);
    }
}
