package io.tandem.command.productplan;

import static io.tandem.events.Horizon.LATER;
import static io.tandem.events.Horizon.NEXT;
import static io.tandem.events.Horizon.NOW;
import static io.tandem.events.Role.CONTRIBUTOR;
import static io.tandem.events.Role.PRODUCT_MANAGER;
import static io.tandem.events.Role.PRODUCT_OWNER;
import static io.tandem.events.Role.VIEWER;

import io.tandem.command.common.AggregateNotFoundTranslator;
import io.tandem.command.common.CommandMetaData;
import io.tandem.command.common.InMemoryCustomerKeys;
import io.tandem.events.BacklogItemAddedEvent;
import io.tandem.events.BacklogItemCompletedEvent;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.ObjectiveDefinedEvent;
import io.tandem.events.ObjectiveRetiredEvent;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.RoadmapItemDroppedEvent;
import io.tandem.events.RoadmapItemPlannedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.support.personaldata.CustomerKeys;
import io.tandem.support.personaldata.PersonalDataVault;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/**
 * The history of a small product the plan tests start from, and helpers to state expectations about it.
 *
 * <p>Members: pat (PM), olivia (PO), sam (PM and PO), carl (CONTRIBUTOR), vera (VIEWER). Objectives: o1 active,
 * o2 retired. Roadmap: r1 NOW (serves o1), r2 NEXT, r3 LATER dropped. Backlog, ranked: b1 (serves r1), b2, b3
 * (serves r1); b4 completed.
 */
final class PlanHistory {

    static final String P = "product-1";
    static final String PM = "pat";
    static final String PO = "olivia";
    static final String BOTH = "sam";
    static final String CONTRIBUTOR_USER = "carl";
    static final String VIEWER_USER = "vera";

    private static final List<Object> EVENTS = List.of(
            new ProductCreatedEvent(P, "Tandem", "Align PM and PO"),
            new RoleGrantedEvent(P, PM, PRODUCT_MANAGER),
            new RoleGrantedEvent(P, PO, PRODUCT_OWNER),
            new RoleGrantedEvent(P, CONTRIBUTOR_USER, CONTRIBUTOR),
            new RoleGrantedEvent(P, VIEWER_USER, VIEWER),
            new RoleGrantedEvent(P, BOTH, PRODUCT_MANAGER),
            new RoleGrantedEvent(P, BOTH, PRODUCT_OWNER),
            new ObjectiveDefinedEvent(P, "o1", "Faster onboarding", "time to first value under a day"),
            new ObjectiveDefinedEvent(P, "o2", "Old goal", "n/a"),
            new ObjectiveRetiredEvent(P, "o2", "superseded by o1"),
            new RoadmapItemPlannedEvent(P, "r1", "Guided setup", "a wizard", NOW, List.of("o1"), "top ask"),
            new RoadmapItemPlannedEvent(P, "r2", "Reports", null, NEXT, List.of(), null),
            new RoadmapItemPlannedEvent(P, "r3", "Old idea", null, LATER, List.of(), null),
            new RoadmapItemDroppedEvent(P, "r3", "no demand", List.of()),
            new BacklogItemAddedEvent(P, "b1", "Wizard step 1", BacklogItemKind.STORY, "r1", 1),
            new BacklogItemAddedEvent(P, "b2", "Fix login", BacklogItemKind.BUG, null, 2),
            new BacklogItemAddedEvent(P, "b3", "Wizard step 2", BacklogItemKind.STORY, "r1", 3),
            new BacklogItemAddedEvent(P, "b4", "Old chore", BacklogItemKind.CHORE, null, 4),
            new BacklogItemCompletedEvent(P, "b4"));

    /** The plan version after the history: the sequence number of its last event. */
    static final long VERSION = EVENTS.size() - 1;

    private PlanHistory() {
    }

    static List<Object> events() {
        return EVENTS;
    }

    /** A fixture wired like the application: creation handler and not-found translation included. */
    static FixtureConfiguration<ProductPlan> fixture() {
        return fixture(new InMemoryCustomerKeys());
    }

    /** The same, with the personal-data vault on the given keys. */
    static FixtureConfiguration<ProductPlan> fixture(CustomerKeys keys) {
        FixtureConfiguration<ProductPlan> fixture = new AggregateTestFixture<>(ProductPlan.class);
        fixture.registerInjectableResource(new PersonalDataVault(keys));
        fixture.registerAnnotatedCommandHandler(
                new ProductCreationHandler(fixture.getRepository(), fixture.getEventStore()));
        fixture.registerCommandHandlerInterceptor(new AggregateNotFoundTranslator());
        return fixture;
    }

    /** The event as applied by {@code actor} acting as {@code role}. */
    static EventMessage<Object> by(String actor, Role role, Object payload) {
        return GenericEventMessage.asEventMessage(payload).withMetaData(CommandMetaData.eventMetaData(actor, role));
    }

    /** At least one event was applied, and every one carries the actor and the role it acted in. */
    static Matcher<List<EventMessage<?>>> appliedAs(String actor, Role role) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return !events.isEmpty() && events.stream().allMatch(
                        event -> event.getMetaData().equals(CommandMetaData.eventMetaData(actor, role)));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("events applied by " + actor + " as " + role);
            }
        };
    }

    /** Some applied event has exactly this payload. */
    static Matcher<List<EventMessage<?>>> payloadsInclude(Object payload) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(List<EventMessage<?>> events) {
                return events.stream().anyMatch(event -> event.getPayload().equals(payload));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an event with payload " + payload);
            }
        };
    }
}
