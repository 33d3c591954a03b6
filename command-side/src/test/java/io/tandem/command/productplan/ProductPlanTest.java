package io.tandem.command.productplan;

import static io.tandem.command.common.CommandMetaData.ACTOR;
import static io.tandem.command.productplan.PlanHistory.BOTH;
import static io.tandem.command.productplan.PlanHistory.CONTRIBUTOR_USER;
import static io.tandem.command.productplan.PlanHistory.P;
import static io.tandem.command.productplan.PlanHistory.PM;
import static io.tandem.command.productplan.PlanHistory.PO;
import static io.tandem.command.productplan.PlanHistory.VERSION;
import static io.tandem.command.productplan.PlanHistory.VIEWER_USER;
import static io.tandem.command.productplan.PlanHistory.appliedAs;
import static io.tandem.command.productplan.PlanHistory.by;
import static io.tandem.events.BacklogItemKind.BUG;
import static io.tandem.events.BacklogItemKind.CHORE;
import static io.tandem.events.BacklogItemKind.SPIKE;
import static io.tandem.events.Horizon.LATER;
import static io.tandem.events.Horizon.NEXT;
import static io.tandem.events.Horizon.NOW;
import static io.tandem.events.Role.CONTRIBUTOR;
import static io.tandem.events.Role.PRODUCT_MANAGER;
import static io.tandem.events.Role.PRODUCT_OWNER;
import static io.tandem.events.Role.VIEWER;
import static io.tandem.events.RoadmapItemStatus.IN_PROGRESS;
import static io.tandem.events.RoadmapItemStatus.PLANNED;
import static io.tandem.events.RoadmapItemStatus.SHIPPED;

import io.tandem.command.common.CommandResult;
import io.tandem.command.common.ForbiddenException;
import io.tandem.command.common.InvalidCommandException;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.StaleVersionException;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.BacklogItemUnlinkedEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.ProductVisionChangedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules of {@link ProductPlan}, one per test, starting from the {@link PlanHistory} unless said otherwise. */
class ProductPlanTest {

    private FixtureConfiguration<ProductPlan> fixture;

    @BeforeEach
    void setUp() {
        fixture = PlanHistory.fixture();
    }

    private ResultValidator<ProductPlan> when(String actor, Object command) {
        return fixture.given(PlanHistory.events()).when(command, MetaData.with(ACTOR, actor));
    }

    private ResultValidator<ProductPlan> whenNew(String actor, Object command) {
        return fixture.givenNoPriorActivity().when(command, actor == null ? MetaData.emptyInstance()
                : MetaData.with(ACTOR, actor));
    }

    @Nested
    class Creation {

        @Test
        void anyUserCreatesAProductAndBecomesItsProductManager() {
            whenNew("alice", new CreateProductCommand(P, "Tandem", "Align PM and PO", null))
                    .expectEvents(
                            by("alice", PRODUCT_MANAGER, new ProductCreatedEvent(P, "Tandem", "Align PM and PO")),
                            by("alice", PRODUCT_MANAGER, new RoleGrantedEvent(P, "alice", PRODUCT_MANAGER)))
                    .expectResultMessagePayload(new CommandResult(P, 1));
        }

        @Test
        void productMayStartWithoutAVision() {
            whenNew("alice", new CreateProductCommand(P, "Tandem", null, null))
                    .expectEventsMatching(PlanHistory.payloadsInclude(new ProductCreatedEvent(P, "Tandem", "")));
        }

        @Test
        void rejectsProductWithoutName() {
            whenNew("alice", new CreateProductCommand(P, " ", null, null))
                    .expectException(InvalidCommandException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsProductNameLongerThanATitle() {
            whenNew("alice", new CreateProductCommand(P, "x".repeat(201), null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsProductIdAlreadyInUse() {
            when("alice", new CreateProductCommand(P, "Again", null, null))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void rejectsExpectedVersionForAProductThatDoesNotExistYet() {
            whenNew("alice", new CreateProductCommand(P, "Tandem", null, 0L))
                    .expectException(StaleVersionException.class);
        }

        @Test
        void refusesToCreateAProductWithoutAnAuthenticatedActor() {
            whenNew(null, new CreateProductCommand(P, "Tandem", null, null))
                    .expectException(IllegalStateException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Vision {

        @Test
        void productManagerChangesTheVision() {
            when(PM, new ChangeVisionCommand(P, "Align everyone", null))
                    .expectEvents(by(PM, PRODUCT_MANAGER,
                            new ProductVisionChangedEvent(P, "Align PM and PO", "Align everyone")))
                    .expectResultMessagePayload(new CommandResult(P, VERSION + 1));
        }

        @Test
        void changingTheVisionToTheSameTextChangesNothing() {
            when(PM, new ChangeVisionCommand(P, "Align PM and PO", null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(P, VERSION));
        }

        @Test
        void rejectsBlankVision() {
            when(PM, new ChangeVisionCommand(P, "", null)).expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsVisionLongerThanAText() {
            when(PM, new ChangeVisionCommand(P, "x".repeat(4001), null))
                    .expectException(InvalidCommandException.class);
        }
    }

    @Nested
    class Roles {

        @Test
        void productManagerGrantsARole() {
            when(PM, new GrantRoleCommand(P, "newbie", CONTRIBUTOR, null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new RoleGrantedEvent(P, "newbie", CONTRIBUTOR)))
                    .expectResultMessagePayload(new CommandResult(P, VERSION + 1));
        }

        @Test
        void grantingARoleAlreadyHeldChangesNothing() {
            when(PM, new GrantRoleCommand(P, PO, PRODUCT_OWNER, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(P, VERSION));
        }

        @Test
        void rejectsGrantWithoutRole() {
            when(PM, new GrantRoleCommand(P, "newbie", null, null)).expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsGrantWithoutUser() {
            when(PM, new GrantRoleCommand(P, " ", VIEWER, null)).expectException(InvalidCommandException.class);
        }

        @Test
        void productManagerRevokesARole() {
            when(PM, new RevokeRoleCommand(P, BOTH, PRODUCT_MANAGER, null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new RoleRevokedEvent(P, BOTH, PRODUCT_MANAGER)))
                    .expectResultMessagePayload(new CommandResult(P, VERSION + 1));
        }

        @Test
        void revokingARoleNotHeldChangesNothing() {
            when(PM, new RevokeRoleCommand(P, VIEWER_USER, PRODUCT_OWNER, null))
                    .expectNoEvents()
                    .expectResultMessagePayload(new CommandResult(P, VERSION));
        }

        @Test
        void productAlwaysKeepsAtLeastOneProductManager() {
            fixture.given(new ProductCreatedEvent(P, "Tandem", ""), new RoleGrantedEvent(P, PM, PRODUCT_MANAGER))
                    .when(new RevokeRoleCommand(P, PM, PRODUCT_MANAGER, null), MetaData.with(ACTOR, PM))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }

        @Test
        void productManagerMayStepDownWhileAnotherRemains() {
            when(PM, new RevokeRoleCommand(P, PM, PRODUCT_MANAGER, null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new RoleRevokedEvent(P, PM, PRODUCT_MANAGER)));
        }
    }

    @Nested
    class MembershipAndVersions {

        @Test
        void nonMemberSeesProductAsNotFound() {
            when("stranger", new ChangeVisionCommand(P, "Mine now", null))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void memberWhoseLastRoleWasRevokedSeesProductAsNotFound() {
            fixture.given(PlanHistory.events()).andGiven(new RoleRevokedEvent(P, PO, PRODUCT_OWNER))
                    .when(new AddBacklogItemCommand(P, "b9", "Task", CHORE, null, null, null),
                            MetaData.with(ACTOR, PO))
                    .expectException(NotFoundException.class);
        }

        @Test
        void commandWithoutActorSeesProductAsNotFound() {
            fixture.given(PlanHistory.events())
                    .when(new ChangeVisionCommand(P, "Anonymous", null))
                    .expectException(NotFoundException.class);
        }

        @Test
        void unknownProductIsNotFound() {
            whenNew(PM, new ChangeVisionCommand("no-such-product", "x", null))
                    .expectException(NotFoundException.class);
        }

        @Test
        void nonMemberGetsNotFoundEvenWithAStaleVersion() {
            when("stranger", new ChangeVisionCommand(P, "x", 0L)).expectException(NotFoundException.class);
        }

        @Test
        void rejectsCommandDecidedOnAStaleVersion() {
            when(PM, new ChangeVisionCommand(P, "Align everyone", VERSION - 1))
                    .expectException(StaleVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void acceptsCommandDecidedOnTheCurrentVersion() {
            when(PM, new ChangeVisionCommand(P, "Align everyone", VERSION))
                    .expectResultMessagePayload(new CommandResult(P, VERSION + 1));
        }

        @Test
        void personHoldingBothRolesReordersTheBacklogAsProductOwner() {
            when(BOTH, new ReprioritizeBacklogItemCommand(P, "b3", 1, "escalation", null))
                    .expectEventsMatching(appliedAs(BOTH, PRODUCT_OWNER));
        }

        @Test
        void personHoldingBothRolesReschedulesTheRoadmapAsProductManager() {
            when(BOTH, new RescheduleRoadmapItemCommand(P, "r1", LATER, "capacity", null))
                    .expectEventsMatching(appliedAs(BOTH, PRODUCT_MANAGER));
        }

        @Test
        void contributorCannotPlanRoadmapItems() {
            when(CONTRIBUTOR_USER, new PlanRoadmapItemCommand(P, "r9", "SSO", null, NOW, null, null, null))
                    .expectException(ForbiddenException.class)
                    .expectNoEvents();
        }

        @Test
        void productManagerCannotReprioritizeTheBacklog() {
            when(PM, new ReprioritizeBacklogItemCommand(P, "b3", 1, "my call", null))
                    .expectException(ForbiddenException.class);
        }
    }

    @Nested
    class Objectives {

        @Test
        void productManagerDefinesAnObjective() {
            when(PM, new DefineObjectiveCommand(P, "o9", "Retention", "churn under 2%", null))
                    .expectEvents(by(PM, PRODUCT_MANAGER,
                            new ObjectiveDefinedEvent(P, "o9", "Retention", "churn under 2%")))
                    .expectResultMessagePayload(new CommandResult("o9", VERSION + 1));
        }

        @Test
        void rejectsObjectiveWithAnIdInUse() {
            when(PM, new DefineObjectiveCommand(P, "r1", "Retention", "churn", null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void rejectsObjectiveWithoutTitle() {
            when(PM, new DefineObjectiveCommand(P, "o9", "", "churn", null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsObjectiveWithoutSuccessMetric() {
            when(PM, new DefineObjectiveCommand(P, "o9", "Retention", null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void productManagerRetiresAnObjectiveWithRationale() {
            when(PM, new RetireObjectiveCommand(P, "o1", "reached", null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new ObjectiveRetiredEvent(P, "o1", "reached")));
        }

        @Test
        void rejectsObjectiveRetirementWithoutRationale() {
            when(PM, new RetireObjectiveCommand(P, "o1", " ", null)).expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsRetiringARetiredObjective() {
            when(PM, new RetireObjectiveCommand(P, "o2", "again", null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void unknownObjectiveIsNotFound() {
            when(PM, new RetireObjectiveCommand(P, "o404", "why", null)).expectException(NotFoundException.class);
        }
    }

    @Nested
    class Roadmap {

        @Test
        void productManagerPlansARoadmapItemServingObjectives() {
            when(PM, new PlanRoadmapItemCommand(P, "r9", "SSO", "single sign-on", LATER, List.of("o1", "o1"),
                    "enterprise deals", null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new RoadmapItemPlannedEvent(P, "r9", "SSO",
                            "single sign-on", LATER, List.of("o1"), "enterprise deals")))
                    .expectResultMessagePayload(new CommandResult("r9", VERSION + 1));
        }

        @Test
        void rejectsPlanningAgainstARetiredObjective() {
            when(PM, new PlanRoadmapItemCommand(P, "r9", "SSO", null, LATER, List.of("o2"), null, null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void rejectsPlanningAgainstAnUnknownObjective() {
            when(PM, new PlanRoadmapItemCommand(P, "r9", "SSO", null, LATER, List.of("o404"), null, null))
                    .expectException(NotFoundException.class);
        }

        @Test
        void rejectsRoadmapItemWithoutHorizon() {
            when(PM, new PlanRoadmapItemCommand(P, "r9", "SSO", null, null, null, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsRoadmapItemWithoutTitle() {
            when(PM, new PlanRoadmapItemCommand(P, "r9", null, null, NOW, null, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsRoadmapItemWithAnIdInUse() {
            when(PM, new PlanRoadmapItemCommand(P, "b1", "SSO", null, NOW, null, null, null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void productManagerReschedulesAnItemWithRationale() {
            when(PM, new RescheduleRoadmapItemCommand(P, "r1", LATER, "capacity", null))
                    .expectEvents(by(PM, PRODUCT_MANAGER,
                            new RoadmapItemRescheduledEvent(P, "r1", NOW, LATER, "capacity")))
                    .expectResultMessagePayload(new CommandResult("r1", VERSION + 1));
        }

        @Test
        void rejectsRescheduleWithoutRationale() {
            when(PM, new RescheduleRoadmapItemCommand(P, "r1", LATER, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsRescheduleToTheSameHorizon() {
            when(PM, new RescheduleRoadmapItemCommand(P, "r2", NEXT, "no change", null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void rejectsReschedulingADroppedItem() {
            when(PM, new RescheduleRoadmapItemCommand(P, "r3", NOW, "revive", null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void unknownRoadmapItemIsNotFound() {
            when(PM, new RescheduleRoadmapItemCommand(P, "r404", NOW, "why", null))
                    .expectException(NotFoundException.class);
        }

        @Test
        void productManagerChangesTheStatusOfAnItem() {
            when(PM, new ChangeRoadmapItemStatusCommand(P, "r1", IN_PROGRESS, null))
                    .expectEvents(by(PM, PRODUCT_MANAGER,
                            new RoadmapItemStatusChangedEvent(P, "r1", PLANNED, IN_PROGRESS)));
        }

        @Test
        void rejectsStatusChangeToTheSameStatus() {
            when(PM, new ChangeRoadmapItemStatusCommand(P, "r1", PLANNED, null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void rejectsStatusChangeOfADroppedItem() {
            when(PM, new ChangeRoadmapItemStatusCommand(P, "r3", SHIPPED, null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void droppingAnItemReportsItsOpenBacklogItemsInRankOrder() {
            fixture.given(PlanHistory.events())
                    .andGiven(new BacklogItemReprioritizedEvent(P, "b3", 3, 1, "urgent"))
                    .when(new DropRoadmapItemCommand(P, "r1", "pivot", null), MetaData.with(ACTOR, PM))
                    .expectEvents(by(PM, PRODUCT_MANAGER,
                            new RoadmapItemDroppedEvent(P, "r1", "pivot", List.of("b3", "b1"))));
        }

        @Test
        void droppingAnItemLeavesOutClosedBacklogItems() {
            fixture.given(PlanHistory.events())
                    .andGiven(new BacklogItemCompletedEvent(P, "b1"))
                    .when(new DropRoadmapItemCommand(P, "r1", "pivot", null), MetaData.with(ACTOR, PM))
                    .expectEvents(by(PM, PRODUCT_MANAGER,
                            new RoadmapItemDroppedEvent(P, "r1", "pivot", List.of("b3"))));
        }

        @Test
        void rejectsDropWithoutRationale() {
            when(PM, new DropRoadmapItemCommand(P, "r2", "", null)).expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsDroppingADroppedItem() {
            when(PM, new DropRoadmapItemCommand(P, "r3", "again", null))
                    .expectException(RuleViolationException.class);
        }
    }

    @Nested
    class Backlog {

        @Test
        void productOwnerAddsAnItemAtTheBottomByDefault() {
            when(PO, new AddBacklogItemCommand(P, "b9", "Spike SSO", SPIKE, "r2", null, null))
                    .expectEvents(by(PO, PRODUCT_OWNER,
                            new BacklogItemAddedEvent(P, "b9", "Spike SSO", SPIKE, "r2", 4)))
                    .expectResultMessagePayload(new CommandResult("b9", VERSION + 1));
        }

        @Test
        void productManagerAddsAnItemAtTheTop() {
            when(PM, new AddBacklogItemCommand(P, "b9", "Hotfix", BUG, null, 1, null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new BacklogItemAddedEvent(P, "b9", "Hotfix", BUG, null, 1)));
        }

        @Test
        void rejectsAddingBelowTheBottom() {
            when(PO, new AddBacklogItemCommand(P, "b9", "Hotfix", BUG, null, 5, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsAddingAtPositionZero() {
            when(PO, new AddBacklogItemCommand(P, "b9", "Hotfix", BUG, null, 0, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsAddingAnItemServingADroppedRoadmapItem() {
            when(PO, new AddBacklogItemCommand(P, "b9", "Old", BUG, "r3", null, null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void rejectsAddingAnItemServingAnUnknownRoadmapItem() {
            when(PO, new AddBacklogItemCommand(P, "b9", "Old", BUG, "r404", null, null))
                    .expectException(NotFoundException.class);
        }

        @Test
        void rejectsBacklogItemWithoutKind() {
            when(PO, new AddBacklogItemCommand(P, "b9", "Task", null, null, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsBacklogItemWithoutTitle() {
            when(PO, new AddBacklogItemCommand(P, "b9", "  ", CHORE, null, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsBacklogItemWithAnIdInUse() {
            when(PO, new AddBacklogItemCommand(P, "b4", "Task", CHORE, null, null, null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void productOwnerReprioritizesAnItemWithRationale() {
            when(PO, new ReprioritizeBacklogItemCommand(P, "b3", 1, "customer escalation", null))
                    .expectEvents(by(PO, PRODUCT_OWNER,
                            new BacklogItemReprioritizedEvent(P, "b3", 3, 1, "customer escalation")))
                    .expectResultMessagePayload(new CommandResult("b3", VERSION + 1));
        }

        @Test
        void rejectsReprioritizationWithoutRationale() {
            when(PO, new ReprioritizeBacklogItemCommand(P, "b3", 1, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsReprioritizationToTheSamePosition() {
            when(PO, new ReprioritizeBacklogItemCommand(P, "b3", 3, "stay", null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void rejectsReprioritizationBeyondTheOpenItems() {
            when(PO, new ReprioritizeBacklogItemCommand(P, "b1", 4, "bottom", null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void positionsCountOnlyOpenItems() {
            fixture.given(PlanHistory.events())
                    .andGiven(new BacklogItemCompletedEvent(P, "b1"))
                    .when(new ReprioritizeBacklogItemCommand(P, "b3", 1, "next up", null), MetaData.with(ACTOR, PO))
                    .expectEvents(by(PO, PRODUCT_OWNER,
                            new BacklogItemReprioritizedEvent(P, "b3", 2, 1, "next up")));
        }

        @Test
        void rejectsReprioritizingAClosedItem() {
            when(PO, new ReprioritizeBacklogItemCommand(P, "b4", 1, "revive", null))
                    .expectException(RuleViolationException.class);
        }

        @Test
        void unknownBacklogItemIsNotFound() {
            when(PO, new CompleteBacklogItemCommand(P, "b404", null)).expectException(NotFoundException.class);
        }

        @Test
        void productOwnerLinksAnUnlinkedItem() {
            when(PO, new LinkBacklogItemCommand(P, "b2", "r2", null))
                    .expectEvents(by(PO, PRODUCT_OWNER, new BacklogItemLinkedEvent(P, "b2", "r2", null)));
        }

        @Test
        void relinkingReportsThePreviousRoadmapItem() {
            when(PO, new LinkBacklogItemCommand(P, "b1", "r2", null))
                    .expectEvents(by(PO, PRODUCT_OWNER, new BacklogItemLinkedEvent(P, "b1", "r2", "r1")));
        }

        @Test
        void rejectsLinkingToADroppedRoadmapItem() {
            when(PO, new LinkBacklogItemCommand(P, "b2", "r3", null)).expectException(RuleViolationException.class);
        }

        @Test
        void rejectsLinkingToTheRoadmapItemAlreadyServed() {
            when(PO, new LinkBacklogItemCommand(P, "b1", "r1", null)).expectException(RuleViolationException.class);
        }

        @Test
        void rejectsLinkingAClosedItem() {
            when(PO, new LinkBacklogItemCommand(P, "b4", "r1", null)).expectException(RuleViolationException.class);
        }

        @Test
        void productManagerUnlinksAnItem() {
            when(PM, new UnlinkBacklogItemCommand(P, "b1", null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new BacklogItemUnlinkedEvent(P, "b1", "r1")));
        }

        @Test
        void rejectsUnlinkingAnItemThatIsNotLinked() {
            when(PO, new UnlinkBacklogItemCommand(P, "b2", null)).expectException(RuleViolationException.class);
        }

        @Test
        void productOwnerCompletesAnItem() {
            when(PO, new CompleteBacklogItemCommand(P, "b1", null))
                    .expectEvents(by(PO, PRODUCT_OWNER, new BacklogItemCompletedEvent(P, "b1")))
                    .expectResultMessagePayload(new CommandResult("b1", VERSION + 1));
        }

        @Test
        void rejectsCompletingACompletedItem() {
            when(PO, new CompleteBacklogItemCommand(P, "b4", null)).expectException(RuleViolationException.class);
        }

        @Test
        void productOwnerRemovesAnItemWithRationale() {
            when(PO, new RemoveBacklogItemCommand(P, "b2", "cannot reproduce", null))
                    .expectEvents(by(PO, PRODUCT_OWNER, new BacklogItemRemovedEvent(P, "b2", "cannot reproduce")));
        }

        @Test
        void rejectsBacklogRemovalWithoutRationale() {
            when(PO, new RemoveBacklogItemCommand(P, "b2", "", null)).expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsRemovingAClosedItem() {
            when(PO, new RemoveBacklogItemCommand(P, "b4", "gone", null))
                    .expectException(RuleViolationException.class);
        }
    }

    @Nested
    class Records {

        @Test
        void productManagerRecordsADecisionAboutKnownItems() {
            when(PM, new RecordDecisionCommand(P, "d1", "Wizard first", "churn in week 1", "build the wizard",
                    "reports slip", List.of("r1", "o1", "b4"), null))
                    .expectEvents(by(PM, PRODUCT_MANAGER, new DecisionRecordedEvent(P, "d1", "Wizard first",
                            "churn in week 1", "build the wizard", "reports slip", List.of("r1", "o1", "b4"))))
                    .expectResultMessagePayload(new CommandResult("d1", VERSION + 1));
        }

        @Test
        void rejectsDecisionAboutAnUnknownItem() {
            when(PO, new RecordDecisionCommand(P, "d1", "T", null, "D", null, List.of("r1", "x404"), null))
                    .expectException(NotFoundException.class);
        }

        @Test
        void rejectsDecisionWithoutTitle() {
            when(PO, new RecordDecisionCommand(P, "d1", "", null, "D", null, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsDecisionWithoutTheDecision() {
            when(PO, new RecordDecisionCommand(P, "d1", "T", null, " ", null, null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void productOwnerHoldsASyncMeeting() {
            when(PO, new HoldSyncMeetingCommand(P, "m1", "Weekly sync", List.of(PM, PO), "wizard first", null))
                    .expectEvents(by(PO, PRODUCT_OWNER,
                            new SyncMeetingHeldEvent(P, "m1", "Weekly sync", List.of(PM, PO), "wizard first")))
                    .expectResultMessagePayload(new CommandResult("m1", VERSION + 1));
        }

        @Test
        void rejectsSyncMeetingWithoutTitle() {
            when(PM, new HoldSyncMeetingCommand(P, "m1", null, List.of(PM), null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsSyncMeetingWithABlankAttendee() {
            when(PM, new HoldSyncMeetingCommand(P, "m1", "Sync", Arrays.asList(PM, " "), null, null))
                    .expectException(InvalidCommandException.class);
        }

        @Test
        void rejectsSyncMeetingWithAnIdInUse() {
            fixture.given(PlanHistory.events())
                    .andGiven(new SyncMeetingHeldEvent(P, "m1", "Sync", List.of(PM), null))
                    .when(new HoldSyncMeetingCommand(P, "m1", "Sync", List.of(PM), null, null),
                            MetaData.with(ACTOR, PM))
                    .expectException(RuleViolationException.class);
        }
    }

    /** Every decision of the product plan, by a user holding exactly one role (SPEC §2). */
    static Stream<Arguments> decisionRightsTable() {
        Map<Role, String> users = Map.of(PRODUCT_MANAGER, PM, PRODUCT_OWNER, PO, CONTRIBUTOR, CONTRIBUTOR_USER,
                VIEWER, VIEWER_USER);
        List<Role> pm = List.of(PRODUCT_MANAGER);
        List<Role> pmAndPo = List.of(PRODUCT_MANAGER, PRODUCT_OWNER);
        List<Role> po = List.of(PRODUCT_OWNER);
        Map<Object, List<Role>> decisions = Map.ofEntries(
                Map.entry(new ChangeVisionCommand(P, "New vision", null), pm),
                Map.entry(new GrantRoleCommand(P, "newbie", CONTRIBUTOR, null), pm),
                Map.entry(new RevokeRoleCommand(P, BOTH, PRODUCT_OWNER, null), pm),
                Map.entry(new DefineObjectiveCommand(P, "o9", "Retention", "churn under 2%", null), pm),
                Map.entry(new RetireObjectiveCommand(P, "o1", "reached", null), pm),
                Map.entry(new PlanRoadmapItemCommand(P, "r9", "SSO", null, LATER, List.of("o1"), null, null), pm),
                Map.entry(new RescheduleRoadmapItemCommand(P, "r1", LATER, "capacity", null), pm),
                Map.entry(new ChangeRoadmapItemStatusCommand(P, "r1", IN_PROGRESS, null), pm),
                Map.entry(new DropRoadmapItemCommand(P, "r2", "no demand", null), pm),
                Map.entry(new AddBacklogItemCommand(P, "b9", "Spike", SPIKE, null, null, null), pmAndPo),
                Map.entry(new LinkBacklogItemCommand(P, "b2", "r2", null), pmAndPo),
                Map.entry(new UnlinkBacklogItemCommand(P, "b1", null), pmAndPo),
                Map.entry(new ReprioritizeBacklogItemCommand(P, "b3", 1, "escalation", null), po),
                Map.entry(new CompleteBacklogItemCommand(P, "b1", null), po),
                Map.entry(new RemoveBacklogItemCommand(P, "b2", "obsolete", null), po),
                Map.entry(new RecordDecisionCommand(P, "d1", "Wizard first", null, "build it", null, List.of("r1"),
                        null), pmAndPo),
                Map.entry(new HoldSyncMeetingCommand(P, "m1", "Weekly", List.of(PM, PO), null, null), pmAndPo));
        return decisions.entrySet().stream().flatMap(decision -> users.entrySet().stream().map(user -> Arguments.of(
                decision.getKey().getClass().getSimpleName(), user.getKey(), user.getValue(),
                decision.getValue().contains(user.getKey()), decision.getKey())));
    }

    @ParameterizedTest(name = "{0} by {1}: allowed = {3}")
    @MethodSource("decisionRightsTable")
    void followsTheDecisionRightsTable(String decision, Role role, String user, boolean allowed, Object command) {
        ResultValidator<ProductPlan> result = when(user, command);
        if (allowed) {
            result.expectSuccessfulHandlerExecution().expectEventsMatching(appliedAs(user, role));
        } else {
            result.expectException(ForbiddenException.class).expectNoEvents();
        }
    }
}
