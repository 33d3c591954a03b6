package io.tandem.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventContractTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

    /** One sample of every event; {@link #everyEventInThePackageHasASample()} keeps this list complete. */
    static Stream<Object> samples() {
        return Stream.of(
                new ProductCreatedEvent("p1", "Tandem", "Align PM and PO"),
                new ProductVisionChangedEvent("p1", "Align PM and PO", "Align everyone"),
                new RoleGrantedEvent("p1", "olivia", Role.PRODUCT_OWNER),
                new RoleRevokedEvent("p1", "olivia", Role.PRODUCT_OWNER),
                new ObjectiveDefinedEvent("p1", "o1", "Faster onboarding", "time to first value < 1 day"),
                new ObjectiveRetiredEvent("p1", "o1", "reached"),
                new RoadmapItemPlannedEvent("p1", "r1", "Guided setup", "wizard", Horizon.NOW, List.of("o1"),
                        "top ask"),
                new RoadmapItemRescheduledEvent("p1", "r1", Horizon.NOW, Horizon.LATER, "capacity"),
                new RoadmapItemStatusChangedEvent("p1", "r1", RoadmapItemStatus.PLANNED, RoadmapItemStatus.IN_PROGRESS),
                new RoadmapItemDroppedEvent("p1", "r1", "no longer needed", List.of("b1", "b2")),
                new BacklogItemAddedEvent("p1", "b1", "Wizard step 1", BacklogItemKind.STORY, null, 1),
                new BacklogItemReprioritizedEvent("p1", "b1", 3, 1, "customer escalation"),
                new BacklogItemLinkedEvent("p1", "b1", "r2", "r1"),
                new BacklogItemUnlinkedEvent("p1", "b1", "r2"),
                new BacklogItemCompletedEvent("p1", "b1"),
                new BacklogItemRemovedEvent("p1", "b1", "obsolete"),
                new FeedbackReceivedEvent("p1", "f1", FeedbackChannel.SUPPORT_TICKET, "cust-42", "setup is hard",
                        Urgency.HIGH, new SealedContact("bm9uY2U=", "Y2lwaGVy")),
                new FeedbackTriagedEvent("p1", "f1", TriageOutcome.LINKED, "r1", null, null),
                new CustomerForgottenEvent("p1", "cust-42"),
                new DecisionRecordedEvent("p1", "d1", "Wizard first", "churn", "build the wizard", "delay reports",
                        List.of("r1", "o1")),
                new SyncMeetingHeldEvent("p1", "m1", "Weekly sync", List.of("pat", "olivia"), "agreed on wizard"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsThroughJackson(Object event) throws IOException {
        String json = mapper.writeValueAsString(event);

        assertThat(mapper.readValue(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void everyEventInThePackageHasASample() throws IOException, URISyntaxException {
        assertThat(samples().map(Object::getClass).toList())
                .containsExactlyInAnyOrderElementsOf(eventClassesInThePackage());
    }

    /** Events whose revision was bumped; each bump has an upcaster and its test (FeedbackReceivedEventUpcasterTest). */
    private static final Map<Class<?>, String> BUMPED = Map.of(FeedbackReceivedEvent.class, "2");

    @Test
    void everyEventIsARecordWithItsRevision() throws IOException, URISyntaxException {
        assertThat(eventClassesInThePackage()).isNotEmpty().allSatisfy(type -> {
            assertThat(type.isRecord()).as(type + " is a record").isTrue();
            assertThat(type.getAnnotation(Revision.class)).as(type + " has @Revision").isNotNull();
            assertThat(type.getAnnotation(Revision.class).value()).as(type + " revision")
                    .isEqualTo(BUMPED.getOrDefault(type, "1"));
        });
    }

    @Test
    void listsAreCopiedAndNullBecomesEmpty() {
        List<String> attendees = new ArrayList<>(List.of("pat"));
        SyncMeetingHeldEvent meeting = new SyncMeetingHeldEvent("p1", "m1", "Sync", attendees, null);
        attendees.add("olivia");

        assertThat(meeting.attendees()).containsExactly("pat");
        assertThat(new RoadmapItemDroppedEvent("p1", "r1", "why", null).affectedBacklogItemIds()).isEmpty();
        assertThat(new RoadmapItemPlannedEvent("p1", "r1", "t", null, Horizon.NOW, null, null).objectiveIds())
                .isEmpty();
        assertThat(new DecisionRecordedEvent("p1", "d1", "t", null, "d", null, null).relatedItemIds()).isEmpty();
    }

    /** Every top-level {@code …Event} class in the package's output folder, so that no new event escapes the checks. */
    private static List<Class<?>> eventClassesInThePackage() throws IOException, URISyntaxException {
        Path classes = Path.of(ProductCreatedEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (Stream<Path> files = Files.list(classes.resolve("io/tandem/events"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith("Event.class") && !name.contains("$"))
                    .<Class<?>>map(name -> load("io.tandem.events." + name.replace(".class", "")))
                    .filter(type -> !type.isEnum())
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
