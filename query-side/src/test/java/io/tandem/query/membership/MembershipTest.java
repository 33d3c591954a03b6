package io.tandem.query.membership;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;
import io.tandem.query.decisions.MongoTestSupport;
import io.tandem.query.decisions.TestEvents;
import java.time.Instant;
import java.util.Set;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipTest {

    private final TestEvents events = new TestEvents(Instant.parse("2026-03-02T09:00:00Z"));
    private AnnotationEventHandlerAdapter projection;
    private Membership membership;

    @BeforeEach
    void setUp() throws Exception {
        MongoDatabase database = MongoTestSupport.freshDatabase();
        projection = new AnnotationEventHandlerAdapter(new MembershipProjection(database));
        membership = new Membership(database);
        handle(new ProductCreatedEvent("p1", "Checkout", "One click"));
        handle(new RoleGrantedEvent("p1", "pm", Role.PRODUCT_MANAGER));
    }

    @Test
    void theCreatorIsAMemberAsProductManager() {
        assertThat(membership.isMember("p1", "pm")).isTrue();
        assertThat(membership.rolesOf("p1", "pm")).containsExactly(Role.PRODUCT_MANAGER);
        assertThat(membership.productsOf("pm")).containsExactly(
                new ProductSummary("p1", "Checkout", Set.of(Role.PRODUCT_MANAGER)));
    }

    @Test
    void strangersAndUnknownProductsHaveNoRoles() {
        assertThat(membership.isMember("p1", "stranger")).isFalse();
        assertThat(membership.rolesOf("p1", "stranger")).isEmpty();
        assertThat(membership.isMember("unknown", "pm")).isFalse();
        assertThat(membership.productsOf("stranger")).isEmpty();
    }

    @Test
    void aUserMayHoldSeveralRolesAndStaysAMemberUntilTheLastIsRevoked() throws Exception {
        handle(new RoleGrantedEvent("p1", "jane.doe", Role.PRODUCT_OWNER));
        handle(new RoleGrantedEvent("p1", "jane.doe", Role.CONTRIBUTOR));
        assertThat(membership.rolesOf("p1", "jane.doe")).containsExactly(Role.PRODUCT_OWNER, Role.CONTRIBUTOR);

        handle(new RoleRevokedEvent("p1", "jane.doe", Role.PRODUCT_OWNER));
        assertThat(membership.isMember("p1", "jane.doe")).isTrue();
        assertThat(membership.productsOf("jane.doe")).singleElement()
                .satisfies(p -> assertThat(p.roles()).containsExactly(Role.CONTRIBUTOR));

        handle(new RoleRevokedEvent("p1", "jane.doe", Role.CONTRIBUTOR));
        assertThat(membership.isMember("p1", "jane.doe")).isFalse();
        assertThat(membership.productsOf("jane.doe")).isEmpty();
    }

    @Test
    void listsEveryProductOfAUserByName() throws Exception {
        handle(new ProductCreatedEvent("p2", "Analytics", "Know more"));
        handle(new RoleGrantedEvent("p2", "pm", Role.VIEWER));

        assertThat(membership.productsOf("pm")).extracting(ProductSummary::name)
                .containsExactly("Analytics", "Checkout");
    }

    @Test
    void aRedeliveredGrantAfterTheRevokeChangesNothing() throws Exception {
        DomainEventMessage<?> grant = message(new RoleGrantedEvent("p1", "po", Role.PRODUCT_OWNER));
        projection.handle(grant);
        handle(new RoleRevokedEvent("p1", "po", Role.PRODUCT_OWNER));

        projection.handle(grant);

        assertThat(membership.isMember("p1", "po")).isFalse();
        assertThat(membership.productsOf("po")).isEmpty();
    }

    @Test
    void resetForgetsEveryMembership() {
        projection.prepareReset();

        assertThat(membership.isMember("p1", "pm")).isFalse();
        assertThat(membership.productsOf("pm")).isEmpty();
    }

    private void handle(Object payload) throws Exception {
        projection.handle(message(payload));
    }

    private DomainEventMessage<?> message(Object payload) {
        return events.message("pm", Role.PRODUCT_MANAGER, payload);
    }
}
