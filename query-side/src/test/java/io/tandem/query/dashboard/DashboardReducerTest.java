package io.tandem.query.dashboard;

import static io.tandem.query.dashboard.Product.ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemUnlinkedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Horizon;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import io.tandem.events.ProductVisionChangedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.query.decisions.DecisionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardReducerTest {

    @Test
    void applyingInPlaceMakesTheSameChangesAsApplyingToACopy() {
        Product p = Product.created();
        p.roadmap("r1", Horizon.NOW).roadmap("r2", Horizon.LATER).backlog("b1", "r1").backlog("b2", "r2")
         .backlog("b3", null).move("b2", 1).feedback("f1", FeedbackChannel.SUPPORT_TICKET)
         .triage("f1", TriageOutcome.LINKED, "b1").reschedule("r1", Horizon.NOW, Horizon.LATER);
        List<DecisionEvent> history = p.history;

        DashboardState copied = DashboardState.empty(ID);
        DashboardState owned = DashboardState.empty(ID);
        DashboardState halfway = null;
        for (DecisionEvent event : history) {
            copied = DashboardReducer.apply(copied, event);
            assertThat(DashboardReducer.applyInPlace(owned, event)).isTrue();
            if (halfway == null && copied.version == history.size() / 2) {
                halfway = copied;
            }
        }
        DashboardView halfwayBefore = DashboardViews.render(halfway, p.events.now());
        assertThat(DashboardReducer.applyInPlace(owned, history.get(3))).as("an event already applied").isFalse();

        assertThat(DashboardViews.render(owned, p.events.now())).isEqualTo(DashboardViews.render(copied, p.events.now()))
                                                                 .isEqualTo(p.view());
        assertThat(owned.version).isEqualTo(history.size());
        assertThat(DashboardViews.render(halfway, p.events.now())).as("apply never changes the state it was given")
                                                                  .isEqualTo(halfwayBefore);
        assertThat(halfway.version).isEqualTo(history.size() / 2);
    }

    @Test
    void showsVisionPeopleAndObjectives() {
        Product p = Product.created();
        p.pm(new ProductVisionChangedEvent(ID, "Paying takes one click", "Paying takes no thought"));
        p.pm(new ObjectiveDefinedEvent(ID, "o1", "Reduce churn", "churn < 3%"));
        p.pm(new ObjectiveDefinedEvent(ID, "o2", "Grow EU", "20% EU revenue"));
        p.pm(new ObjectiveRetiredEvent(ID, "o2", "market exit"));

        DashboardView view = p.view();

        assertThat(view.name()).isEqualTo("Checkout");
        assertThat(view.vision()).isEqualTo("Paying takes no thought");
        assertThat(view.people().productManagers()).containsExactly("pm");
        assertThat(view.people().productOwners()).containsExactly("po");
        assertThat(view.people().onePersonHoldsBothRoles()).isFalse();
        assertThat(view.objectives()).extracting(ObjectiveView::id, ObjectiveView::retired)
                .containsExactly(tuple("o1", false),
                        tuple("o2", true));
    }

    @Test
    void flagsOnePersonHoldingBothRolesUntilOneIsRevoked() {
        Product p = Product.created();
        p.pm(new RoleGrantedEvent(ID, "pm", Role.PRODUCT_OWNER));

        assertThat(p.view().people().onePersonHoldsBothRoles()).isTrue();
        assertThat(p.view().people().holdingBothRoles()).containsExactly("pm");

        p.pm(new RoleRevokedEvent(ID, "pm", Role.PRODUCT_OWNER));
        assertThat(p.view().people().onePersonHoldsBothRoles()).isFalse();
        assertThat(p.view().people().members()).extracting(PeopleView.Member::userId).containsExactly("pm", "po");
    }

    @Test
    void placesRoadmapItemsInHorizonColumnsAndDroppedOnesApart() {
        Product p = Product.created().roadmap("r1", Horizon.NOW).roadmap("r2", Horizon.NEXT)
                .roadmap("r3", Horizon.LATER).roadmap("r4", Horizon.NEXT);
        p.reschedule("r2", Horizon.NEXT, Horizon.NOW);
        p.pm(new RoadmapItemStatusChangedEvent(ID, "r1", RoadmapItemStatus.PLANNED, RoadmapItemStatus.IN_PROGRESS));
        p.pm(new RoadmapItemDroppedEvent(ID, "r4", "no demand", List.of()));

        RoadmapView roadmap = p.view().roadmap();

        assertThat(roadmap.now()).extracting(RoadmapItemView::id).containsExactly("r1", "r2");
        assertThat(roadmap.now().get(0).status()).isEqualTo(RoadmapItemStatus.IN_PROGRESS);
        assertThat(roadmap.next()).isEmpty();
        assertThat(roadmap.later()).extracting(RoadmapItemView::id).containsExactly("r3");
        assertThat(roadmap.dropped()).extracting(RoadmapItemView::id).containsExactly("r4");
    }

    @Test
    void keepsBacklogInRankOrderWithEachItemsRoadmapLink() {
        Product p = Product.created().roadmap("r1", Horizon.NOW).roadmap("r2", Horizon.LATER)
                .backlog("b1", "r1").backlog("b2", null).backlog("b3", "r2").backlog("b4", "r1");
        p.move("b3", 1);
        p.po(new BacklogItemCompletedEvent(ID, "b1"));
        p.po(new BacklogItemLinkedEvent(ID, "b2", "r2", null));
        p.po(new BacklogItemUnlinkedEvent(ID, "b4", "r1"));

        assertThat(p.view().backlog())
                .extracting(BacklogItemView::rank, BacklogItemView::id, BacklogItemView::roadmapItemId,
                        BacklogItemView::roadmapHorizon)
                .containsExactly(tuple(1, "b3", "r2", Horizon.LATER),
                        tuple(2, "b2", "r2", Horizon.LATER),
                        tuple(3, "b4", null, null));
    }

    @Test
    void countsOpenBacklogItemsPerRoadmapItem() {
        Product p = Product.created().roadmap("r1", Horizon.NOW).backlog("b1", "r1").backlog("b2", "r1")
                .backlog("b3", "r1");
        p.po(new BacklogItemCompletedEvent(ID, "b1"));
        p.po(new BacklogItemRemovedEvent(ID, "b2", "obsolete"));

        assertThat(p.view().roadmap().now().get(0).openBacklogCount()).isEqualTo(1);
    }

    @Test
    void countsFeedbackLinkedToRoadmapItemOrItsBacklogItemsAsDemand() {
        Product p = Product.created().roadmap("r1", Horizon.NOW).roadmap("r2", Horizon.NEXT)
                .backlog("b1", "r1").backlog("b2", "r1");
        p.feedback("f1", FeedbackChannel.EMAIL).triage("f1", TriageOutcome.LINKED, "r1");
        p.feedback("f2", FeedbackChannel.EMAIL).triage("f2", TriageOutcome.LINKED, "b1");
        p.feedback("f3", FeedbackChannel.EMAIL).triage("f3", TriageOutcome.LINKED, "b2");
        p.feedback("f4", FeedbackChannel.EMAIL).triage("f4", TriageOutcome.LINKED, "r2");
        p.feedback("f5", FeedbackChannel.EMAIL).triage("f5", TriageOutcome.DECLINED, null);
        p.po(new BacklogItemCompletedEvent(ID, "b2"));

        assertThat(p.view().roadmap().now().get(0).feedbackDemand()).isEqualTo(3);
        assertThat(p.view().roadmap().next().get(0).feedbackDemand()).isEqualTo(1);

        p.triage("f4", TriageOutcome.LINKED, "b1");
        p.triage("f1", TriageOutcome.DECLINED, null);
        assertThat(p.view().roadmap().now().get(0).feedbackDemand()).isEqualTo(3);
        assertThat(p.view().roadmap().next().get(0).feedbackDemand()).isZero();
    }

    @Test
    void countsDemandForFeedbackTriagedBeforeTheItemArrived() {
        Product p = Product.created().roadmap("r1", Horizon.NOW);
        p.feedback("f1", FeedbackChannel.SURVEY).triage("f1", TriageOutcome.LINKED, "b1");

        p.backlog("b1", "r1");

        assertThat(p.view().roadmap().now().get(0).feedbackDemand()).isEqualTo(1);
    }

    @Test
    void raisesVersionByOneForEveryAppliedEvent() {
        Product p = Product.created();
        long before = p.state.version();

        p.roadmap("r1", Horizon.NOW).backlog("b1", "r1");

        assertThat(p.state.version()).isEqualTo(before + 2);
        assertThat(p.view().version()).isEqualTo(before + 2);
        assertThat(p.view().lastGlobalPosition()).isEqualTo(5);
    }

    @Test
    void ignoresAnEventAppliedBefore() {
        Product p = Product.created();
        DecisionEvent planned = p.pm(new RoadmapItemPlannedEvent(ID, "r1", "One-click pay", "", Horizon.NOW,
                List.of(), null));
        DashboardState applied = p.state;

        DashboardState again = DashboardReducer.apply(applied, planned);

        assertThat(again).isSameAs(applied);
        assertThat(DashboardViews.render(again, p.events.now())).isEqualTo(p.view());
    }

    @Test
    void keepsMarksOnlyForAggregatesWithAnEventInTheLastWindowOfPositions() {
        DashboardState s = DashboardState.empty(ID);
        s.markApplied("feedback-old", 0, 1);
        s.markApplied("feedback-recent", 0, DashboardState.MARK_WINDOW);
        s.markApplied("plan", 3, DashboardState.MARK_WINDOW + 50);

        assertThat(s.applied).extracting(SequenceMark::aggregateId).containsExactly("feedback-recent", "plan");
        assertThat(s.lastSequenceOf("plan")).isEqualTo(3);
        assertThat(s.lastSequenceOf("feedback-old")).isEqualTo(-1);
    }

    @Test
    void ignoresAnEventOlderThanTheLastAppliedOfItsAggregate() {
        Product p = Product.created();
        DecisionEvent first = p.events.pm(new ProductVisionChangedEvent(ID, "a", "first vision"));
        DecisionEvent second = p.events.pm(new ProductVisionChangedEvent(ID, "first vision", "second vision"));
        p.apply(first);
        p.apply(second);

        p.apply(first);

        assertThat(p.view().vision()).isEqualTo("second vision");
    }

    @Test
    void neverChangesTheStateItIsGiven() {
        Product p = Product.created().roadmap("r1", Horizon.NOW).backlog("b1", "r1");
        DashboardState before = p.state;
        DashboardView viewBefore = DashboardViews.render(before, p.events.now());

        p.backlog("b2", null).move("b2", 1).feedback("f1", FeedbackChannel.EMAIL);

        assertThat(DashboardViews.render(before, p.events.now())).isEqualTo(viewBefore);
        assertThat(p.state).isNotSameAs(before);
    }

    @Test
    void ignoresEventsOfAnotherProduct() {
        Product p = Product.created();
        DashboardState other = DashboardState.empty("p2");

        assertThat(DashboardReducer.apply(other, p.events.pm(new ObjectiveDefinedEvent(ID, "o1", "t", "m"))))
                .isSameAs(other);
    }

    @Test
    void replayingAHistoryGivesTheDashboardTheLiveProjectionBuilt() {
        Product live = Product.created();
        List<DecisionEvent> history = new ArrayList<>();
        history.add(live.pm(new ObjectiveDefinedEvent(ID, "o1", "Reduce churn", "churn < 3%")));
        history.add(live.pm(new RoadmapItemPlannedEvent(ID, "r1", "One-click pay", "", Horizon.NOW, List.of(), null)));
        history.add(live.po(new BacklogItemLinkedEvent(ID, "b-unknown", "r1", null)));

        DashboardState replayed = DashboardReducer.applyAll(Product.created().state, history);

        assertThat(DashboardViews.render(replayed, live.events.now()).roadmap())
                .isEqualTo(live.view().roadmap());
        assertThat(replayed.version()).isEqualTo(live.state.version());
    }
}
