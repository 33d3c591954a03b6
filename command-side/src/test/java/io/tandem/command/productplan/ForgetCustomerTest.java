package io.tandem.command.productplan;

import static io.tandem.command.common.CommandMetaData.ACTOR;
import static io.tandem.command.productplan.PlanHistory.BOTH;
import static io.tandem.command.productplan.PlanHistory.CONTRIBUTOR_USER;
import static io.tandem.command.productplan.PlanHistory.P;
import static io.tandem.command.productplan.PlanHistory.PM;
import static io.tandem.command.productplan.PlanHistory.PO;
import static io.tandem.command.productplan.PlanHistory.VERSION;
import static io.tandem.command.productplan.PlanHistory.VIEWER_USER;
import static io.tandem.command.productplan.PlanHistory.by;
import static io.tandem.events.Role.PRODUCT_MANAGER;
import static io.tandem.events.Role.PRODUCT_OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.command.common.CommandResult;
import io.tandem.command.common.ForbiddenException;
import io.tandem.command.common.InMemoryCustomerKeys;
import io.tandem.command.common.InvalidCommandException;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.StaleVersionException;
import io.tandem.events.CustomerForgottenEvent;
import io.tandem.support.personaldata.CustomerKeys;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Erasure of a customer's personal data on the {@link ProductPlan}, one rule per test. */
class ForgetCustomerTest {

    private static final String CUSTOMER = "cust-42";
    private static final String KEY_ID = CustomerKeys.keyId(P, CUSTOMER);

    private final InMemoryCustomerKeys keys = new InMemoryCustomerKeys();
    private FixtureConfiguration<ProductPlan> fixture;

    @BeforeEach
    void customerWithContactDetails() {
        fixture = PlanHistory.fixture(keys);
        keys.getOrCreate(KEY_ID);
    }

    private ResultValidator<ProductPlan> when(String actor, Object command, Object... moreHistory) {
        List<Object> history = new ArrayList<>(PlanHistory.events());
        history.addAll(List.of(moreHistory));
        return fixture.given(history).when(command, MetaData.with(ACTOR, actor));
    }

    private static ForgetCustomerCommand forget(String reference) {
        return new ForgetCustomerCommand(P, reference, null);
    }

    @Test
    void productOwnerForgetsACustomerByDestroyingTheirKey() {
        when(PO, forget(CUSTOMER))
                .expectEvents(by(PO, PRODUCT_OWNER, new CustomerForgottenEvent(P, CUSTOMER)))
                .expectResultMessagePayload(new CommandResult(CUSTOMER, VERSION + 1));
        assertThat(keys.has(KEY_ID)).isFalse();
    }

    @Test
    void productManagerMayForgetACustomerToo() {
        when(PM, forget(CUSTOMER)).expectEvents(by(PM, PRODUCT_MANAGER, new CustomerForgottenEvent(P, CUSTOMER)));
        assertThat(keys.has(KEY_ID)).isFalse();
    }

    @Test
    void personHoldingBothRolesForgetsAsProductOwner() {
        when(BOTH, forget(CUSTOMER)).expectEvents(by(BOTH, PRODUCT_OWNER, new CustomerForgottenEvent(P, CUSTOMER)));
    }

    @ParameterizedTest
    @ValueSource(strings = {CONTRIBUTOR_USER, VIEWER_USER})
    void contributorsAndViewersCannotForgetAndTheKeyStays(String actor) {
        when(actor, forget(CUSTOMER)).expectException(ForbiddenException.class).expectNoEvents();
        assertThat(keys.has(KEY_ID)).isTrue();
    }

    @Test
    void nonMemberSeesTheProductAsNotFoundAndTheKeyStays() {
        when("mallory", forget(CUSTOMER)).expectException(NotFoundException.class).expectNoEvents();
        assertThat(keys.has(KEY_ID)).isTrue();
    }

    @Test
    void staleVersionForgetsNothing() {
        when(PO, new ForgetCustomerCommand(P, CUSTOMER, VERSION - 1))
                .expectException(StaleVersionException.class).expectNoEvents();
        assertThat(keys.has(KEY_ID)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane@example.com", "Jane Doe", " ", "-starts-with-dash"})
    void rejectsAReferenceThatIsNotPseudonymous(String reference) {
        when(PO, forget(reference)).expectException(InvalidCommandException.class).expectNoEvents();
    }

    @Test
    void forgettingAgainRecordsNothingWhenNoNewContactArrived() {
        keys.destroy(KEY_ID);
        when(PO, forget(CUSTOMER), new CustomerForgottenEvent(P, CUSTOMER))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandResult(CUSTOMER, VERSION + 1));
    }

    @Test
    void forgettingAgainAfterNewContactDetailsRecordsAgain() {
        when(PO, forget(CUSTOMER), new CustomerForgottenEvent(P, CUSTOMER))
                .expectEvents(by(PO, PRODUCT_OWNER, new CustomerForgottenEvent(P, CUSTOMER)));
        assertThat(keys.has(KEY_ID)).isFalse();
    }

    @Test
    void forgettingACustomerWithoutStoredContactIsStillRecorded() {
        when(PO, forget("cust-unknown"))
                .expectEvents(by(PO, PRODUCT_OWNER, new CustomerForgottenEvent(P, "cust-unknown")));
        assertThat(keys.has(KEY_ID)).as("other customers' keys stay").isTrue();
    }
}
