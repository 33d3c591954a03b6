package io.tandem.query.decisions;

import static io.tandem.query.decisions.Description.name;
import static io.tandem.query.decisions.Description.quoted;
import static io.tandem.query.decisions.Description.quotedSummary;
import static io.tandem.query.decisions.Description.titled;

import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.ProductVisionChangedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.RoadmapItemRescheduledEvent;
import io.tandem.events.RoadmapItemStatusChangedEvent;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;

/** Sentences for product, membership, objective and roadmap decisions. */
final class PlanDescriptions {

    private PlanDescriptions() {
    }

    /** The description of a plan event, or null when the payload is not one. */
    static Description describe(Object payload, ItemLookup items) {
        if (payload instanceof ProductCreatedEvent e) {
            return Description.of(e.productId(), "created product " + quoted(e.name()), null, e.name(), null);
        }
        if (payload instanceof ProductVisionChangedEvent e) {
            return Description.of(e.productId(), "changed the vision to " + quotedSummary(e.vision()),
                    e.previousVision(), e.vision(), null);
        }
        if (payload instanceof RoleGrantedEvent e) {
            return Description.of(e.userId(), "granted " + e.userId() + " the role " + Roles.display(name(e.role())),
                    null, name(e.role()), null);
        }
        if (payload instanceof RoleRevokedEvent e) {
            return Description.of(e.userId(), "revoked the role " + Roles.display(name(e.role())) + " from "
                    + e.userId(), name(e.role()), null, null);
        }
        if (payload instanceof ObjectiveDefinedEvent e) {
            return Description.of(e.objectiveId(), "defined objective " + quoted(e.title()) + " (success metric: "
                    + e.successMetric() + ")", null, e.title(), null);
        }
        if (payload instanceof ObjectiveRetiredEvent e) {
            return Description.of(e.objectiveId(), "retired objective " + titled(items, e.objectiveId()), "ACTIVE",
                    "RETIRED", e.rationale());
        }
        return roadmap(payload, items);
    }

    private static Description roadmap(Object payload, ItemLookup items) {
        if (payload instanceof RoadmapItemPlannedEvent e) {
            return Description.of(e.roadmapItemId(), "planned " + quoted(e.title()) + " for " + name(e.horizon()),
                    null, name(e.horizon()), e.rationale(), e.objectiveIds());
        }
        if (payload instanceof RoadmapItemRescheduledEvent e) {
            return Description.of(e.roadmapItemId(), "rescheduled " + titled(items, e.roadmapItemId()) + " from "
                    + name(e.from()) + " to " + name(e.to()), name(e.from()), name(e.to()), e.rationale());
        }
        if (payload instanceof RoadmapItemStatusChangedEvent e) {
            return Description.of(e.roadmapItemId(), "changed the status of " + titled(items, e.roadmapItemId())
                    + " from " + name(e.from()) + " to " + name(e.to()), name(e.from()), name(e.to()), null);
        }
        if (payload instanceof RoadmapItemDroppedEvent e) {
            int affected = e.affectedBacklogItemIds().size();
            String consequence = affected == 0 ? ""
                    : " (" + affected + " open backlog item" + (affected == 1 ? "" : "s") + " affected)";
            return Description.of(e.roadmapItemId(), "dropped " + titled(items, e.roadmapItemId()) + consequence,
                    items.state(e.roadmapItemId()), "DROPPED", e.rationale(), e.affectedBacklogItemIds());
        }
        return null;
    }
}
