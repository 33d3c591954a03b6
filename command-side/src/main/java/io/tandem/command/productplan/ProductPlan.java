package io.tandem.command.productplan;

import static io.tandem.command.common.CommandMetaData.ACTOR;

import io.tandem.command.common.CommandMetaData;
import io.tandem.command.common.CommandResult;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.Texts;
import io.tandem.command.common.Versions;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.ProductVisionChangedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.support.personaldata.PersonalDataVault;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The plan of one product: vision, members and roles, objectives, roadmap and backlog in one consistency boundary,
 * so that cross-rules (a backlog item links only to a live roadmap item, dropping a roadmap item reports the open
 * backlog items that served it) are checked against one consistent state.
 *
 * <p>Every command is decided the same way: the actor from the command metadata must be a member (else
 * {@link NotFoundException}, the same answer as for an unknown product), must hold a role allowed to make the decision
 * ({@link DecisionRights}, else {@code ForbiddenException}), the expected version must be the current one (else
 * {@code StaleVersionException}); then the part of the plan concerned checks the shape and the business rules and
 * produces the event, which is applied with the actor and the acting role in its metadata. A command that changes
 * nothing applies no event. Every handler answers a {@link CommandResult} with the version after the command.
 */
@Aggregate(cache = "aggregateCache")
public class ProductPlan {

    @AggregateIdentifier
    private String productId;
    private String vision;
    @AggregateMember
    private final Members members = new Members();
    @AggregateMember
    private final Objectives objectives = new Objectives();
    @AggregateMember
    private final Roadmap roadmap = new Roadmap();
    @AggregateMember
    private final Backlog backlog = new Backlog();
    @AggregateMember
    private final Records records = new Records();
    @AggregateMember
    private final Erasures erasures = new Erasures();

    ProductPlan() {
        // rebuilt from its events by Axon
    }

    /** Creates the product; the creator becomes its first product manager in the same command. */
    ProductPlan(String productId, String name, String vision, String creator) {
        Texts.requireId("productId", productId);
        Texts.requireTitle("name", name);
        String initialVision = vision == null ? "" : Texts.optionalText("vision", vision);
        var metaData = CommandMetaData.eventMetaData(creator, Role.PRODUCT_MANAGER);
        AggregateLifecycle.apply(new ProductCreatedEvent(productId, name, initialVision), metaData);
        AggregateLifecycle.apply(new RoleGrantedEvent(productId, creator, Role.PRODUCT_MANAGER), metaData);
    }

    /**
     * The role in which {@code actor} makes {@code decision} in this product.
     *
     * @throws NotFoundException                            when the actor is not a member
     * @throws io.tandem.command.common.ForbiddenException when no role of the actor allows the decision
     */
    public Role actingRole(String actor, Decision decision) {
        var held = members.rolesOf(actor);
        if (held.isEmpty()) {
            throw NotFoundException.of(productId);
        }
        return DecisionRights.actingRole(decision, held);
    }

    /**
     * Checks that feedback can be linked to the item: a live roadmap item or an open backlog item of this product.
     *
     * @throws NotFoundException      for an id that is neither a roadmap nor a backlog item of this product
     * @throws RuleViolationException for a dropped roadmap item or a completed or removed backlog item
     */
    public void requireFeedbackTarget(String itemId) {
        if (roadmap.isLive(itemId) || backlog.isOpen(itemId)) {
            return;
        }
        if (roadmap.contains(itemId) || backlog.contains(itemId)) {
            throw new RuleViolationException("item " + itemId + " is dropped, completed or removed");
        }
        throw NotFoundException.of(itemId);
    }

    @CommandHandler
    CommandResult handle(ChangeVisionCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.CHANGE_VISION, c.expectedVersion(), productId, () -> {
            String newVision = Texts.requireText("vision", c.vision());
            return newVision.equals(vision) ? null : new ProductVisionChangedEvent(productId, vision, newVision);
        });
    }

    @CommandHandler
    CommandResult handle(GrantRoleCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_ROLES, c.expectedVersion(), productId, () -> members.grant(productId, c));
    }

    @CommandHandler
    CommandResult handle(RevokeRoleCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_ROLES, c.expectedVersion(), productId, () -> members.revoke(productId, c));
    }

    @CommandHandler
    CommandResult handle(DefineObjectiveCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_OBJECTIVES, c.expectedVersion(), c.objectiveId(), () -> {
            requireNewId("objectiveId", c.objectiveId());
            return objectives.define(productId, c);
        });
    }

    @CommandHandler
    CommandResult handle(RetireObjectiveCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_OBJECTIVES, c.expectedVersion(), c.objectiveId(),
                () -> objectives.retire(productId, c));
    }

    @CommandHandler
    CommandResult handle(PlanRoadmapItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_ROADMAP, c.expectedVersion(), c.roadmapItemId(), () -> {
            requireNewId("roadmapItemId", c.roadmapItemId());
            return roadmap.plan(productId, c, objectives);
        });
    }

    @CommandHandler
    CommandResult handle(RescheduleRoadmapItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_ROADMAP, c.expectedVersion(), c.roadmapItemId(),
                () -> roadmap.reschedule(productId, c));
    }

    @CommandHandler
    CommandResult handle(ChangeRoadmapItemStatusCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_ROADMAP, c.expectedVersion(), c.roadmapItemId(),
                () -> roadmap.changeStatus(productId, c));
    }

    @CommandHandler
    CommandResult handle(DropRoadmapItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.MANAGE_ROADMAP, c.expectedVersion(), c.roadmapItemId(),
                () -> roadmap.drop(productId, c, backlog));
    }

    @CommandHandler
    CommandResult handle(AddBacklogItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.EDIT_BACKLOG, c.expectedVersion(), c.backlogItemId(), () -> {
            requireNewId("backlogItemId", c.backlogItemId());
            return backlog.add(productId, c, roadmap);
        });
    }

    @CommandHandler
    CommandResult handle(ReprioritizeBacklogItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.ORDER_BACKLOG, c.expectedVersion(), c.backlogItemId(),
                () -> backlog.reprioritize(productId, c));
    }

    @CommandHandler
    CommandResult handle(LinkBacklogItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.EDIT_BACKLOG, c.expectedVersion(), c.backlogItemId(),
                () -> backlog.link(productId, c, roadmap));
    }

    @CommandHandler
    CommandResult handle(UnlinkBacklogItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.EDIT_BACKLOG, c.expectedVersion(), c.backlogItemId(),
                () -> backlog.unlink(productId, c));
    }

    @CommandHandler
    CommandResult handle(CompleteBacklogItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.ORDER_BACKLOG, c.expectedVersion(), c.backlogItemId(),
                () -> backlog.complete(productId, c));
    }

    @CommandHandler
    CommandResult handle(RemoveBacklogItemCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.ORDER_BACKLOG, c.expectedVersion(), c.backlogItemId(),
                () -> backlog.remove(productId, c));
    }

    @CommandHandler
    CommandResult handle(RecordDecisionCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.RECORD_DECISION, c.expectedVersion(), c.decisionId(), () -> {
            requireNewId("decisionId", c.decisionId());
            return records.record(productId, c,
                    id -> objectives.contains(id) || roadmap.contains(id) || backlog.contains(id));
        });
    }

    @CommandHandler
    CommandResult handle(HoldSyncMeetingCommand c, @MetaDataValue(ACTOR) String actor) {
        return decide(actor, Decision.HOLD_SYNC_MEETING, c.expectedVersion(), c.meetingId(), () -> {
            requireNewId("meetingId", c.meetingId());
            return records.hold(productId, c);
        });
    }

    @CommandHandler
    CommandResult handle(ForgetCustomerCommand c, @MetaDataValue(ACTOR) String actor, PersonalDataVault vault) {
        return decide(actor, Decision.FORGET_CUSTOMER, c.expectedVersion(), c.customerReference(),
                () -> erasures.forget(productId, c, vault));
    }

    private CommandResult decide(String actor, Decision decision, Long expectedVersion, String id,
                                 Supplier<Object> decider) {
        Role role = actingRole(actor, decision);
        Versions.requireCurrent(expectedVersion, AggregateLifecycle.getVersion());
        Object event = decider.get();
        if (event != null) {
            AggregateLifecycle.apply(event, CommandMetaData.eventMetaData(actor, role));
        }
        return new CommandResult(id, AggregateLifecycle.getVersion());
    }

    private void requireNewId(String field, String id) {
        Texts.requireId(field, id);
        if (id.equals(productId) || objectives.contains(id) || roadmap.contains(id) || backlog.contains(id)
                || records.contains(id)) {
            throw new RuleViolationException(field + " " + id + " is already in use in this product");
        }
    }

    @EventSourcingHandler
    void on(ProductCreatedEvent event) {
        this.productId = event.productId();
        this.vision = event.vision();
    }

    @EventSourcingHandler
    void on(ProductVisionChangedEvent event) {
        this.vision = event.vision();
    }
}
