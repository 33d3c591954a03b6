package io.tandem.command.demo;

import static io.tandem.command.demo.DemoIds.PRODUCT;

import io.tandem.command.common.CommandMetaData;
import io.tandem.command.common.CommandResult;
import io.tandem.command.feedback.SubmitFeedbackCommand;
import io.tandem.command.feedback.TriageFeedbackCommand;
import io.tandem.command.productplan.RecordDecisionCommand;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * How the demo story is told: every step is a real command sent through the {@link CommandGateway} as one of the
 * demo users, so decision rights and business rules apply and the events carry actor and role like any other. Before
 * each command Axon's event clock ({@link GenericEventMessage#clock}) is set to the step's moment on the
 * {@link DemoTimeline}; the caller restores the system clock when the story is over.
 */
final class Story {

    static final String PM = "pm";
    static final String PO = "po";
    static final String CONTRIBUTOR = "contributor";
    static final String VIEWER = "viewer";

    private final CommandGateway gateway;
    private final DemoTimeline timeline;
    private int commands;

    Story(CommandGateway gateway, DemoTimeline timeline) {
        this.gateway = gateway;
        this.timeline = timeline;
    }

    /** Continues the story on a working day (0 = six weeks ago) at a time of day in the team's zone. */
    Story on(int workday, int hour, int minute) {
        timeline.at(workday, hour, minute);
        return this;
    }

    /** Sends one command as {@code user} at the story's current moment and answers the id it created or changed. */
    String as(String user, Object command) {
        GenericEventMessage.clock = Clock.fixed(timeline.next(), ZoneOffset.UTC);
        commands++;
        MetaData metaData = MetaData.with(CommandMetaData.ACTOR, user)
                                    .and("correlationId", String.format("demo-seed-%03d", commands));
        CommandResult result = gateway.sendAndWait(command, metaData);
        return result.id();
    }

    /** How many commands the story has sent. */
    int commands() {
        return commands;
    }

    /** {@code user} passes on a customer's feedback; customers appear only by their pseudonymous reference. */
    void feedback(String user, String feedbackId, FeedbackChannel channel, String customer, Urgency urgency,
                  String text) {
        as(user, new SubmitFeedbackCommand(feedbackId, PRODUCT, channel, customer, text, urgency, null));
    }

    /** {@code user} triages feedback by linking it to a roadmap or backlog item. */
    void linkFeedback(String user, String feedbackId, String itemId, String rationale) {
        as(user, new TriageFeedbackCommand(feedbackId, TriageOutcome.LINKED, itemId, null, rationale, null));
    }

    /** {@code user} declines feedback, saying why. */
    void declineFeedback(String user, String feedbackId, String rationale) {
        as(user, new TriageFeedbackCommand(feedbackId, TriageOutcome.DECLINED, null, null, rationale, null));
    }

    /** {@code user} marks feedback as a duplicate of an earlier report. */
    void duplicateFeedback(String user, String feedbackId, String originalId, String rationale) {
        as(user, new TriageFeedbackCommand(feedbackId, TriageOutcome.DUPLICATE, null, originalId, rationale, null));
    }

    /** {@code user} records an ADR-like decision about the related objectives and items. */
    void decide(String user, String name, String title, String context, String decision, String consequences,
                String... relatedItemIds) {
        as(user, new RecordDecisionCommand(PRODUCT, DemoIds.of("decision/" + name), title, context, decision,
                                           consequences, List.of(relatedItemIds), null));
    }
}
