package io.tandem.command.productplan;

import io.tandem.command.common.Texts;
import io.tandem.events.CustomerForgottenEvent;
import io.tandem.support.personaldata.PersonalDataVault;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * The customers of a product who have been forgotten. Erasure destroys the customer's key before the event is
 * applied, so a failed append still leaves the data unreadable and a retry completes the record. Forgetting again
 * records nothing unless new personal data (a new key) appeared since.
 */
class Erasures {

    private final Set<String> forgotten = new HashSet<>();

    CustomerForgottenEvent forget(String productId, ForgetCustomerCommand c, PersonalDataVault vault) {
        String reference = Texts.requireCustomerReference(c.customerReference());
        boolean destroyedKey = vault.forget(productId, reference);
        return destroyedKey || !forgotten.contains(reference) ? new CustomerForgottenEvent(productId, reference) : null;
    }

    @EventSourcingHandler
    void on(CustomerForgottenEvent event) {
        forgotten.add(event.customerReference());
    }
}
