package io.tandem.command.productplan;

import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.Texts;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventsourcing.EventSourcingHandler;

/** The objectives of a product: defined ones are active until retired. */
class Objectives {

    private final Map<String, Boolean> retiredById = new HashMap<>();

    boolean contains(String objectiveId) {
        return retiredById.containsKey(objectiveId);
    }

    /** Defines an objective; the caller has checked that its id is new. */
    ObjectiveDefinedEvent define(String productId, DefineObjectiveCommand c) {
        return new ObjectiveDefinedEvent(productId, c.objectiveId(), Texts.requireTitle("title", c.title()),
                Texts.requireText("successMetric", c.successMetric()));
    }

    /** Retires an active objective, with a rationale. */
    ObjectiveRetiredEvent retire(String productId, RetireObjectiveCommand c) {
        String objectiveId = Texts.requireId("objectiveId", c.objectiveId());
        String rationale = Texts.requireRationale(c.rationale());
        requireActive(objectiveId);
        return new ObjectiveRetiredEvent(productId, objectiveId, rationale);
    }

    /**
     * @throws NotFoundException      for an unknown objective
     * @throws RuleViolationException for a retired one
     */
    void requireActive(String objectiveId) {
        Boolean retired = retiredById.get(objectiveId);
        if (retired == null) {
            throw NotFoundException.of(objectiveId);
        }
        if (retired) {
            throw new RuleViolationException("objective " + objectiveId + " is retired");
        }
    }

    @EventSourcingHandler
    void on(ObjectiveDefinedEvent event) {
        retiredById.put(event.objectiveId(), false);
    }

    @EventSourcingHandler
    void on(ObjectiveRetiredEvent event) {
        retiredById.put(event.objectiveId(), true);
    }
}
