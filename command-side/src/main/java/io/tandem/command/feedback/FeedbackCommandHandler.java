package io.tandem.command.feedback;

import static io.tandem.command.common.CommandMetaData.ACTOR;

import io.tandem.command.common.CommandResult;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.Texts;
import io.tandem.command.common.UnusedIds;
import io.tandem.command.common.Versions;
import io.tandem.command.productplan.Decision;
import io.tandem.command.productplan.ProductPlan;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Role;
import io.tandem.events.TriageOutcome;
import io.tandem.support.personaldata.CustomerContact;
import io.tandem.support.personaldata.PersonalDataVault;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Decides the feedback commands, which need both the product plan (members, decision rights, live items) and the
 * feedback items. The plan is only read. Checks run in the order membership (404), decision right (403), version
 * (412), shape (400), state (404/409), like in {@link ProductPlan}.
 */
@Component
class FeedbackCommandHandler {

    private final Repository<ProductPlan> productPlanRepository;
    private final Repository<FeedbackItem> feedbackItemRepository;
    private final EventStore eventStore;
    private final PersonalDataVault vault;

    FeedbackCommandHandler(Repository<ProductPlan> productPlanRepository,
                           Repository<FeedbackItem> feedbackItemRepository, EventStore eventStore,
                           PersonalDataVault vault) {
        this.productPlanRepository = productPlanRepository;
        this.feedbackItemRepository = feedbackItemRepository;
        this.eventStore = eventStore;
        this.vault = vault;
    }

    @CommandHandler
    CommandResult handle(SubmitFeedbackCommand c, @MetaDataValue(ACTOR) String actor) throws Exception {
        Aggregate<ProductPlan> plan = load(productPlanRepository, Texts.requireId("productId", c.productId()));
        Role role = plan.invoke(p -> p.actingRole(actor, Decision.SUBMIT_FEEDBACK));
        Versions.requireCurrent(c.expectedVersion(), null);
        String feedbackId = Texts.requireId("feedbackId", c.feedbackId());
        FeedbackReceivedEvent shaped = FeedbackRules.received(c);
        UnusedIds.requireUnused(eventStore, "feedbackId", feedbackId);
        FeedbackReceivedEvent received = c.customer() == null ? shaped : withSealedContact(shaped, c.customer());
        Aggregate<FeedbackItem> item =
                feedbackItemRepository.newInstance(() -> new FeedbackItem(received, actor, role));
        return new CommandResult(feedbackId, item.version());
    }

    @CommandHandler
    CommandResult handle(TriageFeedbackCommand c, @MetaDataValue(ACTOR) String actor) {
        Aggregate<FeedbackItem> item = load(feedbackItemRepository, Texts.requireId("feedbackId", c.feedbackId()));
        String productId = item.invoke(FeedbackItem::productId);
        Aggregate<ProductPlan> plan = load(productPlanRepository, productId);
        Role role = plan.invoke(p -> p.actingRole(actor, Decision.TRIAGE_FEEDBACK));
        Versions.requireCurrent(c.expectedVersion(), item.version());
        FeedbackTriagedEvent triage = FeedbackRules.triaged(productId, c);
        if (triage.outcome() == TriageOutcome.LINKED) {
            plan.execute(p -> p.requireFeedbackTarget(triage.linkedItemId()));
        } else if (triage.outcome() == TriageOutcome.DUPLICATE) {
            requireOriginal(productId, triage);
        }
        item.execute(feedback -> feedback.triage(triage, actor, role));
        return new CommandResult(c.feedbackId(), item.version());
    }

    private FeedbackReceivedEvent withSealedContact(FeedbackReceivedEvent event, CustomerContact contact) {
        return new FeedbackReceivedEvent(event.productId(), event.feedbackId(), event.channel(),
                event.customerReference(), event.text(), event.urgency(),
                vault.seal(event.productId(), event.customerReference(), contact));
    }

    /** The feedback marked as the original must be another item of the same product, not a duplicate of this one. */
    private void requireOriginal(String productId, FeedbackTriagedEvent triage) {
        String originalId = triage.duplicateOfFeedbackId();
        Aggregate<FeedbackItem> original = load(feedbackItemRepository, originalId);
        if (!productId.equals(original.invoke(FeedbackItem::productId))) {
            throw NotFoundException.of(originalId);
        }
        if (triage.feedbackId().equals(original.invoke(FeedbackItem::duplicateOfFeedbackId))) {
            throw new RuleViolationException(
                    "feedback " + originalId + " is already marked a duplicate of " + triage.feedbackId());
        }
    }

    private static <T> Aggregate<T> load(Repository<T> repository, String id) {
        try {
            return repository.load(id);
        } catch (AggregateNotFoundException unknown) {
            throw NotFoundException.of(id);
        }
    }
}
