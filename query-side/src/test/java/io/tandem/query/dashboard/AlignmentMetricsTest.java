package io.tandem.query.dashboard;

import static io.tandem.query.dashboard.Product.ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.TriageOutcome;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlignmentMetricsTest {

    @Test
    void coverageIsTheShareOfTop10ItemsServingALiveNowItem() {
        Product p = Product.created().roadmap("now", Horizon.NOW).roadmap("gone", Horizon.NOW)
                .roadmap("next", Horizon.NEXT);
        p.backlog("b1", "now").backlog("b2", "now").backlog("b3", "gone").backlog("b4", "next").backlog("b5", null);
        IntStream.rangeClosed(6, 10).forEach(i -> p.backlog("b" + i, "next"));
        p.backlog("b11", "now").backlog("b12", "now");
        p.pm(new RoadmapItemDroppedEvent(ID, "gone", "no longer", List.of("b3")));

        MetricView coverage = p.view().metrics().coverage();

        assertThat(coverage.value()).isEqualTo(0.2);
        assertThat(coverage.itemIds()).containsExactly("b1", "b2");
        assertThat(coverage.calculation()).isEqualTo("2 / 10");
        assertThat(coverage.formula()).isEqualTo(MetricsView.COVERAGE);
    }

    @Test
    void coverageIsZeroWithAnEmptyBacklog() {
        assertThat(Product.created().roadmap("r1", Horizon.NOW).view().metrics().coverage().value()).isZero();
    }

    @Test
    void orphanedStrategyCountsUnshippedNowItemsWithoutOpenWork() {
        Product p = Product.created().roadmap("staffed", Horizon.NOW).roadmap("done", Horizon.NOW)
                .roadmap("empty", Horizon.NOW).roadmap("shipped", Horizon.NOW).roadmap("later", Horizon.LATER);
        p.backlog("b1", "staffed").backlog("b2", "done");
        p.po(new BacklogItemCompletedEvent(ID, "b2"));
        p.pm(new RoadmapItemStatusChangedEvent(ID, "shipped", RoadmapItemStatus.PLANNED, RoadmapItemStatus.SHIPPED));

        MetricView orphaned = p.view().metrics().orphanedStrategy();

        assertThat(orphaned.value()).isEqualTo(2.0);
        assertThat(orphaned.itemIds()).containsExactly("done", "empty");
        assertThat(orphaned.calculation()).isEqualTo("2 of 3 NOW items");
    }

    @Test
    void misalignedWorkCountsTop10ItemsServingLaterOrDroppedItemsOrNothing() {
        Product p = Product.created().roadmap("now", Horizon.NOW).roadmap("next", Horizon.NEXT)
                .roadmap("later", Horizon.LATER).roadmap("gone", Horizon.NEXT);
        p.backlog("b1", "now").backlog("b2", "next").backlog("b3", "later").backlog("b4", null)
                .backlog("b5", "gone");
        p.pm(new RoadmapItemDroppedEvent(ID, "gone", "cut", List.of("b5")));

        MetricView misaligned = p.view().metrics().misalignedWork();

        assertThat(misaligned.value()).isEqualTo(3.0);
        assertThat(misaligned.itemIds()).containsExactly("b3", "b4", "b5");
    }

    @Test
    void triageLatencyIsTheMedianHoursToFirstTriageOverTheLast30Days() {
        Product p = Product.created();
        p.feedback("old", FeedbackChannel.EMAIL).later(Duration.ofHours(100))
                .triage("old", TriageOutcome.DECLINED, null);
        p.later(Duration.ofDays(31));
        p.feedback("f1", FeedbackChannel.EMAIL).feedback("f2", FeedbackChannel.EMAIL)
                .feedback("f3", FeedbackChannel.EMAIL).feedback("open", FeedbackChannel.EMAIL);
        p.later(Duration.ofHours(2)).triage("f1", TriageOutcome.DECLINED, null);
        p.later(Duration.ofHours(2)).triage("f2", TriageOutcome.DECLINED, null);
        p.later(Duration.ofHours(6)).triage("f3", TriageOutcome.DECLINED, null);
        p.later(Duration.ofHours(30)).triage("f1", TriageOutcome.DUPLICATE, null);

        MetricView latency = p.view().metrics().triageLatency();

        assertThat(latency.value()).isEqualTo(4.0);
        assertThat(latency.unit()).isEqualTo("hours");
        assertThat(latency.formula()).isEqualTo(MetricsView.LATENCY);
    }

    @Test
    void triageLatencyAveragesTheMiddleTwoOfAnEvenCountAndIsAbsentWithoutTriagedFeedback() {
        Product p = Product.created().feedback("f1", FeedbackChannel.EMAIL).feedback("f2", FeedbackChannel.EMAIL);
        assertThat(p.view().metrics().triageLatency().value()).isNull();

        p.later(Duration.ofHours(1)).triage("f1", TriageOutcome.DECLINED, null);
        p.later(Duration.ofHours(2)).triage("f2", TriageOutcome.DECLINED, null);

        assertThat(p.view().metrics().triageLatency().value()).isEqualTo(2.0);
    }

    @Test
    void alignmentScoreIsTheWeightedSumOfCoverageFocusAndStaffedNowItems() {
        Product p = Product.created().roadmap("n1", Horizon.NOW).roadmap("n2", Horizon.NOW)
                .roadmap("later", Horizon.LATER);
        p.backlog("b1", "n1").backlog("b2", "n1").backlog("b3", "later").backlog("b4", null);

        MetricView score = p.view().metrics().alignmentScore();

        // coverage 2/4, misaligned 2/4, orphaned 1/2: 100 x (0.25 + 0.15 + 0.1) = 50
        assertThat(score.value()).isEqualTo(50.0);
        assertThat(score.calculation())
                .isEqualTo("round(100 x (0.5 x 2/4 + 0.3 x (1 - 2/4) + 0.2 x (1 - 1/2))) - 0 = 50");
        assertThat(score.formula()).isEqualTo(MetricsView.SCORE);
    }

    @Test
    void alignmentScoreIsFullWhenAllTopWorkServesStaffedNowItemsAndZeroForAnEmptyPlan() {
        assertThat(Product.created().view().metrics().alignmentScore().value()).isZero();
        Product aligned = Product.created().roadmap("n1", Horizon.NOW).backlog("b1", "n1").backlog("b2", "n1");
        assertThat(aligned.view().metrics().alignmentScore().value()).isEqualTo(100.0);
    }

    @Test
    void alignmentScoreLosesTwoPointsPerFeedbackUntriagedOverSevenDaysAtMostTwenty() {
        Product p = Product.created().roadmap("n1", Horizon.NOW).backlog("b1", "n1");
        IntStream.range(0, 3).forEach(i -> p.feedback("f" + i, FeedbackChannel.EMAIL));

        assertThat(p.viewAt(p.events.now().plus(Duration.ofDays(7))).metrics().alignmentScore().value())
                .isEqualTo(100.0);
        assertThat(p.viewAt(p.events.now().plus(Duration.ofDays(8))).metrics().alignmentScore().value())
                .isEqualTo(94.0);

        IntStream.range(3, 15).forEach(i -> p.feedback("f" + i, FeedbackChannel.EMAIL));
        assertThat(p.viewAt(p.events.now().plus(Duration.ofDays(8))).metrics().alignmentScore().value())
                .isEqualTo(80.0);
    }

    @Test
    void feedbackInboxCountsNewFeedbackUntriagedAndChannels() {
        Product p = Product.created();
        p.feedback("old", FeedbackChannel.EMAIL);
        p.later(Duration.ofDays(20)).feedback("f1", FeedbackChannel.SURVEY).feedback("f2", FeedbackChannel.SURVEY);
        p.triage("f2", TriageOutcome.DECLINED, null);
        p.later(Duration.ofDays(5)).feedback("f3", FeedbackChannel.IN_APP);
        p.later(Duration.ofDays(11));

        FeedbackInboxView inbox = p.view().feedback();

        assertThat(inbox.newLast7Days()).isZero();
        assertThat(inbox.newLast30Days()).isEqualTo(3);
        assertThat(inbox.untriaged()).isEqualTo(3);
        assertThat(inbox.oldestUntriagedReceivedAt()).isEqualTo(Product.START);
        assertThat(inbox.oldestUntriagedAgeHours()).isEqualTo(36 * 24.0);
        assertThat(inbox.byChannelLast30Days()).containsEntry(FeedbackChannel.SURVEY, 2)
                .containsEntry(FeedbackChannel.IN_APP, 1).containsEntry(FeedbackChannel.EMAIL, 0);
        assertThat(p.viewAt(p.events.now().minus(Duration.ofDays(6))).feedback().newLast7Days()).isEqualTo(1);
    }
}
