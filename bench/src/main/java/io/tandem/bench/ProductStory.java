package io.tandem.bench;

import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.BacklogItemLinkedEvent;
import io.tandem.events.BacklogItemRemovedEvent;
import io.tandem.events.BacklogItemReprioritizedEvent;
import io.tandem.events.DecisionRecordedEvent;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.FeedbackReceivedEvent;
import io.tandem.events.FeedbackTriagedEvent;
import io.tandem.events.Horizon;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.SyncMeetingHeldEvent;
import io.tandem.events.TriageOutcome;
import io.tandem.events.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * A long, plausible history of one product, as the command side would have stored it: roadmap items planned and
 * rescheduled, a backlog of a few hundred items constantly reprioritized, feedback received and triaged about as fast
 * as it comes in (each piece its own aggregate), decisions, and a sync meeting every {@value #SYNC_EVERY} events.
 * Deterministic for a seed.
 */
final class ProductStory {

    static final int SYNC_EVERY = 5000;
    private static final int MAX_ROADMAP = 40;
    private static final int MAX_BACKLOG = 300;

    final String productId;
    final List<DomainEventMessage<?>> events = new ArrayList<>();
    final List<String> meetings = new ArrayList<>();
    final Instant start;
    final Duration step;

    private final Random random;
    private final List<String> roadmap = new ArrayList<>();
    private final List<Horizon> horizons = new ArrayList<>();
    private final List<String> backlog = new ArrayList<>();
    private final Deque<String> untriaged = new ArrayDeque<>();
    private long planSequence;
    private int counter;

    private ProductStory(String productId, Instant start, Duration step, long seed) {
        this.productId = productId;
        this.start = start;
        this.step = step;
        this.random = new Random(seed);
    }

    /** {@code count} events from {@code start}, one every {@code step}. */
    static ProductStory of(String productId, int count, Instant start, Duration step) {
        ProductStory story = new ProductStory(productId, start, step, productId.hashCode());
        story.plan("pm", Role.PRODUCT_MANAGER, new ProductCreatedEvent(productId, "Bench " + productId, "Vision"));
        story.plan("pm", Role.PRODUCT_MANAGER, new RoleGrantedEvent(productId, "pm", Role.PRODUCT_MANAGER));
        story.plan("pm", Role.PRODUCT_MANAGER, new RoleGrantedEvent(productId, "po", Role.PRODUCT_OWNER));
        while (story.events.size() < count) {
            story.next();
        }
        return story;
    }

    private void next() {
        int n = events.size();
        if (n % SYNC_EVERY == SYNC_EVERY - 1) {
            String meeting = id("meeting");
            meetings.add(meeting);
            plan("pm", Role.PRODUCT_MANAGER, new SyncMeetingHeldEvent(productId, meeting, "Sync " + meetings.size(),
                    List.of("pm", "po"), "Reviewed the plan"));
            return;
        }
        switch (n % 20) {
            case 0 -> planOrReschedule();
            case 1, 2, 19 -> addOrRemove();
            case 10, 11 -> reschedule();
            case 12, 13 -> receiveFeedback();
            case 14, 15, 16 -> triageFeedback();
            case 17 -> link();
            case 18 -> plan("po", Role.PRODUCT_OWNER, new DecisionRecordedEvent(productId, id("decision"),
                    "Decision " + n, "Context", "We decided", "Consequences", List.of()));
            default -> reprioritize();
        }
    }

    private void planOrReschedule() {
        if (roadmap.size() >= MAX_ROADMAP) {
            reschedule();
            return;
        }
        String item = id("roadmap");
        Horizon horizon = Horizon.values()[random.nextInt(3)];
        roadmap.add(item);
        horizons.add(horizon);
        plan("pm", Role.PRODUCT_MANAGER, new RoadmapItemPlannedEvent(productId, item, "Roadmap item " + item,
                "Description", horizon, List.of(), "Customers ask for it"));
    }

    private void reschedule() {
        if (roadmap.isEmpty()) {
            planOrReschedule();
            return;
        }
        int i = random.nextInt(roadmap.size());
        Horizon from = horizons.get(i);
        Horizon to = Horizon.values()[(from.ordinal() + 1 + random.nextInt(2)) % 3];
        horizons.set(i, to);
        plan("pm", Role.PRODUCT_MANAGER, new RoadmapItemRescheduledEvent(productId, roadmap.get(i), from, to,
                "Capacity changed"));
    }

    private void addOrRemove() {
        if (backlog.size() >= MAX_BACKLOG) {
            String removed = backlog.remove(backlog.size() - 1);
            plan("po", Role.PRODUCT_OWNER, new BacklogItemRemovedEvent(productId, removed, "No longer needed"));
            return;
        }
        String item = id("backlog");
        int position = 1 + random.nextInt(backlog.size() + 1);
        backlog.add(position - 1, item);
        String link = roadmap.isEmpty() ? null : roadmap.get(random.nextInt(roadmap.size()));
        plan("po", Role.PRODUCT_OWNER, new BacklogItemAddedEvent(productId, item, "Story " + item,
                BacklogItemKind.STORY, link, position));
    }

    private void reprioritize() {
        if (backlog.size() < 2) {
            addOrRemove();
            return;
        }
        int from = 1 + random.nextInt(backlog.size());
        int to = 1 + random.nextInt(backlog.size());
        if (from == to) {
            to = from == 1 ? 2 : 1;
        }
        String item = backlog.remove(from - 1);
        backlog.add(to - 1, item);
        plan("po", Role.PRODUCT_OWNER, new BacklogItemReprioritizedEvent(productId, item, from, to, "Customer value"));
    }

    private void link() {
        if (backlog.isEmpty() || roadmap.isEmpty()) {
            addOrRemove();
            return;
        }
        String item = backlog.get(random.nextInt(backlog.size()));
        plan("po", Role.PRODUCT_OWNER, new BacklogItemLinkedEvent(productId, item,
                roadmap.get(random.nextInt(roadmap.size())), null));
    }

    private void receiveFeedback() {
        String feedback = id("feedback");
        untriaged.add(feedback);
        append("FeedbackItem", feedback, 0, "po", Role.PRODUCT_OWNER, new FeedbackReceivedEvent(productId, feedback,
                FeedbackChannel.values()[random.nextInt(FeedbackChannel.values().length)], "cust-" + counter,
                "Feedback text " + counter, Urgency.MEDIUM));
    }

    private void triageFeedback() {
        if (untriaged.isEmpty() || roadmap.isEmpty()) {
            receiveFeedback();
            return;
        }
        String feedback = untriaged.poll();
        append("FeedbackItem", feedback, 1, "po", Role.PRODUCT_OWNER, new FeedbackTriagedEvent(productId, feedback,
                TriageOutcome.LINKED, roadmap.get(random.nextInt(roadmap.size())), null, null));
    }

    private void plan(String actor, Role role, Object payload) {
        append("ProductPlan", productId, planSequence++, actor, role, payload);
    }

    private void append(String type, String aggregateId, long sequence, String actor, Role role, Object payload) {
        Instant at = start.plus(step.multipliedBy(events.size()));
        events.add(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                MetaData.with("actor", actor).and("role", role.name()),
                IdentifierFactory.getInstance().generateIdentifier(), at));
    }

    private String id(String kind) {
        return productId + "-" + kind + "-" + (++counter);
    }
}
