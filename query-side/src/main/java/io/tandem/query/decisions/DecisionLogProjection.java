package io.tandem.query.decisions;

import com.mongodb.client.MongoDatabase;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.readmodel.ReadModels;
import io.tandem.query.updates.DecisionLogged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes one decision log entry per event of a product and publishes {@link DecisionLogged} for it (not while
 * replaying). The entry is described with the titles and states known before the event, then the event's own
 * titles and states are remembered. Idempotent: the entry's key is the event identifier, a redelivered event is not
 * stored or published again.
 */
@Component
@ProcessingGroup(ProcessingGroups.DECISION_LOG)
class DecisionLogProjection {

    private final DecisionLogRepository log;
    private final DecisionItems items;
    private final ApplicationEventPublisher publisher;

    @Autowired
    DecisionLogProjection(ReadModels readModels, ApplicationEventPublisher publisher) {
        this(readModels.writing(ProcessingGroups.DECISION_LOG), publisher);
    }

    DecisionLogProjection(MongoDatabase database, ApplicationEventPublisher publisher) {
        this.log = new DecisionLogRepository(database);
        this.items = new DecisionItems(database);
        this.publisher = publisher;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, ReplayStatus replayStatus) {
        DecisionEvent.from(message).ifPresent(event -> record(event, replayStatus.isReplay()));
    }

    @ResetHandler
    void reset() {
        log.clear();
        items.clear();
    }

    private void record(DecisionEvent event, boolean replay) {
        Description description = DecisionDescriptions.details(event.payload(), items.of(event.productId()));
        DecisionLogEntry entry = DecisionDescriptions.entry(event, description);
        boolean stored = log.insert(entry, description.itemIds());
        items.remember(event);
        if (stored && !replay) {
            publisher.publishEvent(new DecisionLogged(event.productId(), entry));
        }
    }
}
