package io.tandem.query.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.BacklogItemUnlinkedEvent;
import io.tandem.events.CustomerForgottenEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.ProductVisionChangedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionDescriptionsTest {

    private static final String P = "p1";
    private static final Map<String, String> TITLES = Map.of("r1", "One-click pay", "r2", "Wallets", "b1",
            "Store cards", "o1", "Reduce churn", "f1", "Checkout is slow", "f2", "Slow checkout");
    private static final ItemLookup ITEMS = new ItemLookup() {
        @Override
        public String title(String itemId) {
            return TITLES.get(itemId);
        }

        @Override
        public String state(String itemId) {
            return Map.of("r1", "NOW", "f1", "UNTRIAGED").get(itemId);
        }
    };

    private final TestEvents events = new TestEvents(Instant.parse("2026-03-02T09:00:00.123456Z"));

    @Test
    void describesProductAndMembershipDecisions() {
        assertThat(pm(new ProductCreatedEvent(P, "Checkout", "One click")).sentence())
                .isEqualTo("pm (Product Manager) created product \"Checkout\"");
        DecisionLogEntry vision = pm(new ProductVisionChangedEvent(P, "One click", "No click"));
        assertThat(vision.sentence()).isEqualTo("pm (Product Manager) changed the vision to \"No click\"");
        assertThat(vision).extracting(DecisionLogEntry::before, DecisionLogEntry::after)
                .containsExactly("One click", "No click");
        assertThat(pm(new RoleGrantedEvent(P, "po", Role.PRODUCT_OWNER)).sentence())
                .isEqualTo("pm (Product Manager) granted po the role Product Owner");
        DecisionLogEntry revoked = pm(new RoleRevokedEvent(P, "po", Role.PRODUCT_OWNER));
        assertThat(revoked.sentence()).isEqualTo("pm (Product Manager) revoked the role Product Owner from po");
        assertThat(revoked).extracting(DecisionLogEntry::itemId, DecisionLogEntry::before)
                .containsExactly("po", "PRODUCT_OWNER");
    }

    @Test
    void describesObjectiveAndRoadmapDecisionsWithBeforeAfterAndRationale() {
        assertThat(pm(new ObjectiveDefinedEvent(P, "o1", "Reduce churn", "churn < 3%")).sentence())
                .isEqualTo("pm (Product Manager) defined objective \"Reduce churn\" (success metric: churn < 3%)");
        assertThat(pm(new ObjectiveRetiredEvent(P, "o1", "reached")).sentence())
                .isEqualTo("pm (Product Manager) retired objective \"Reduce churn\"");
        assertThat(pm(new RoadmapItemPlannedEvent(P, "r1", "One-click pay", "", Horizon.NEXT, List.of("o1"), "asked"))
                .sentence()).isEqualTo("pm (Product Manager) planned \"One-click pay\" for NEXT");

        DecisionLogEntry rescheduled = pm(new RoadmapItemRescheduledEvent(P, "r1", Horizon.NEXT, Horizon.NOW,
                "top churn reason"));
        assertThat(rescheduled.sentence())
                .isEqualTo("pm (Product Manager) rescheduled \"One-click pay\" from NEXT to NOW");
        assertThat(rescheduled).extracting(DecisionLogEntry::type, DecisionLogEntry::itemId, DecisionLogEntry::before,
                        DecisionLogEntry::after, DecisionLogEntry::rationale)
                .containsExactly("RoadmapItemRescheduled", "r1", "NEXT", "NOW", "top churn reason");

        assertThat(pm(new RoadmapItemStatusChangedEvent(P, "r1", RoadmapItemStatus.PLANNED,
                RoadmapItemStatus.IN_PROGRESS)).sentence())
                .isEqualTo("pm (Product Manager) changed the status of \"One-click pay\" from PLANNED to IN_PROGRESS");
        DecisionLogEntry dropped = pm(new RoadmapItemDroppedEvent(P, "r1", "no budget", List.of("b1", "b2")));
        assertThat(dropped.sentence())
                .isEqualTo("pm (Product Manager) dropped \"One-click pay\" (2 open backlog items affected)");
        assertThat(dropped).extracting(DecisionLogEntry::before, DecisionLogEntry::after)
                .containsExactly("NOW", "DROPPED");
    }

    @Test
    void describesBacklogDecisions() {
        assertThat(po(new BacklogItemAddedEvent(P, "b1", "Store cards", BacklogItemKind.STORY, "r1", 3)).sentence())
                .isEqualTo("po (Product Owner) added STORY \"Store cards\" at position 3 for \"One-click pay\"");
        DecisionLogEntry moved = po(new BacklogItemReprioritizedEvent(P, "b1", 3, 1, "blocks release"));
        assertThat(moved.sentence()).isEqualTo("po (Product Owner) moved \"Store cards\" from position 3 to 1");
        assertThat(moved).extracting(DecisionLogEntry::before, DecisionLogEntry::after, DecisionLogEntry::rationale)
                .containsExactly("3", "1", "blocks release");
        DecisionLogEntry linked = po(new BacklogItemLinkedEvent(P, "b1", "r2", "r1"));
        assertThat(linked.sentence())
                .isEqualTo("po (Product Owner) linked \"Store cards\" to \"Wallets\" instead of \"One-click pay\"");
        assertThat(linked).extracting(DecisionLogEntry::before, DecisionLogEntry::after)
                .containsExactly("One-click pay", "Wallets");
        assertThat(po(new BacklogItemUnlinkedEvent(P, "b1", "r2")).sentence())
                .isEqualTo("po (Product Owner) unlinked \"Store cards\" from \"Wallets\"");
        assertThat(po(new BacklogItemCompletedEvent(P, "b1")).sentence())
                .isEqualTo("po (Product Owner) completed \"Store cards\"");
        assertThat(po(new BacklogItemRemovedEvent(P, "b1", "obsolete")).rationale()).isEqualTo("obsolete");
    }

    @Test
    void describesFeedbackWithoutTheCustomerReference() {
        DecisionLogEntry received = describe(events.event("contributor", Role.CONTRIBUTOR, new FeedbackReceivedEvent(P,
                "f9", FeedbackChannel.EMAIL, "cust-42", "Checkout   is\nslow", Urgency.HIGH)));
        assertThat(received.sentence())
                .isEqualTo("contributor (Contributor) received HIGH feedback via EMAIL: \"Checkout is slow\"");
        assertThat(received.toString()).doesNotContain("cust-42");

        DecisionLogEntry linked = po(new FeedbackTriagedEvent(P, "f1", TriageOutcome.LINKED, "r1", null, null));
        assertThat(linked.sentence())
                .isEqualTo("po (Product Owner) linked feedback \"Checkout is slow\" to \"One-click pay\"");
        assertThat(linked).extracting(DecisionLogEntry::before, DecisionLogEntry::after)
                .containsExactly("UNTRIAGED", "LINKED");
        assertThat(po(new FeedbackTriagedEvent(P, "f1", TriageOutcome.DECLINED, null, null, "no")).sentence())
                .isEqualTo("po (Product Owner) declined feedback \"Checkout is slow\"");
        assertThat(po(new FeedbackTriagedEvent(P, "f2", TriageOutcome.DUPLICATE, null, "f1", null)).sentence())
                .isEqualTo("po (Product Owner) marked feedback \"Slow checkout\" as a duplicate of feedback "
                        + "\"Checkout is slow\"");
        assertThat(pm(new CustomerForgottenEvent(P, "cust-42")).toString()).doesNotContain("cust-42");
    }

    @Test
    void describesRecordedDecisionsAndSyncMeetings() {
        DecisionLogEntry decision = pm(new DecisionRecordedEvent(P, "d1", "Use Stripe", "need wallets",
                "Stripe for all cards", "migration", List.of("r1")));
        assertThat(decision.sentence()).isEqualTo("pm (Product Manager) recorded decision \"Use Stripe\"");
        assertThat(decision).extracting(DecisionLogEntry::after, DecisionLogEntry::rationale)
                .containsExactly("Stripe for all cards", "need wallets");
        assertThat(pm(new SyncMeetingHeldEvent(P, "m1", "Weekly", List.of("pm", "po"), null)).sentence())
                .isEqualTo("pm (Product Manager) held sync meeting \"Weekly\" with pm, po");
    }

    @Test
    void namesUnknownItemsByIdAndCarriesTheEventsPlaceAndTime() {
        DecisionEvent event = events.pm(new RoadmapItemRescheduledEvent(P, "r404", Horizon.NOW, Horizon.LATER, "x"));
        DecisionLogEntry entry = DecisionDescriptions.describe(event, ITEMS);

        assertThat(entry.sentence()).isEqualTo("pm (Product Manager) rescheduled item r404 from NOW to LATER");
        assertThat(entry.id()).isEqualTo(event.eventId());
        assertThat(entry.globalPosition()).isEqualTo(event.globalPosition());
        assertThat(entry.timestamp()).isEqualTo(Instant.parse("2026-03-02T09:00:00.123Z"));
        assertThat(entry).extracting(DecisionLogEntry::actor, DecisionLogEntry::role)
                .containsExactly("pm", "PRODUCT_MANAGER");
    }

    @Test
    void listsEveryItemADecisionConcernsItsOwnItemFirst() {
        assertThat(DecisionDescriptions.itemIds(new FeedbackTriagedEvent(P, "f1", TriageOutcome.LINKED, "r1", null,
                null))).containsExactly("f1", "r1");
        assertThat(DecisionDescriptions.itemIds(new BacklogItemLinkedEvent(P, "b1", "r2", "r1")))
                .containsExactly("b1", "r2", "r1");
        assertThat(DecisionDescriptions.itemIds(new DecisionRecordedEvent(P, "d1", "t", null, "d", null,
                List.of("r1", "b1")))).containsExactly("d1", "r1", "b1");
    }

    @Test
    void shortensLongTextsToOneLineOf80Characters() {
        String summary = DecisionDescriptions.summary("word ".repeat(40));

        assertThat(summary).hasSizeLessThanOrEqualTo(80).endsWith("…").doesNotContain("  ");
    }

    private DecisionLogEntry pm(Object payload) {
        return describe(events.pm(payload));
    }

    private DecisionLogEntry po(Object payload) {
        return describe(events.po(payload));
    }

    private DecisionLogEntry describe(DecisionEvent event) {
        return DecisionDescriptions.describe(event, ITEMS);
    }
}
