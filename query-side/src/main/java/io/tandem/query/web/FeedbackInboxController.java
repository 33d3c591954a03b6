package io.tandem.query.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tandem.events.Role;
import io.tandem.query.dashboard.DashboardQueries;
import io.tandem.query.dashboard.FeedbackEntry;
import io.tandem.query.membership.Membership;
import io.tandem.support.personaldata.CustomerContact;
import io.tandem.support.personaldata.PersonalDataVault;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A product's feedback inbox. Customers' contact details are opened (decrypted) per request for product managers and
 * owners, the roles that triage and follow up; nobody else sees them, and after erasure nobody can.
 */
@RestController
@RequestMapping(path = "/api/products/{productId}/feedback", produces = "application/json")
@Tag(name = "Feedback", description = "The feedback inbox")
class FeedbackInboxController {

    private static final Set<Role> SEE_CONTACTS = Set.of(Role.PRODUCT_MANAGER, Role.PRODUCT_OWNER);

    private final ProductAccess access;
    private final Membership membership;
    private final DashboardQueries dashboards;
    private final PersonalDataVault vault;

    FeedbackInboxController(ProductAccess access, Membership membership, DashboardQueries dashboards,
                            PersonalDataVault vault) {
        this.access = access;
        this.membership = membership;
        this.dashboards = dashboards;
        this.vault = vault;
    }

    @GetMapping
    @Operation(summary = "The feedback inbox, newest first",
            description = "Untriaged feedback and feedback received in the last 30 days. Product managers and owners "
                    + "also see each customer's contact details (name, email) until the customer is forgotten; then "
                    + "`customerErased` is true and the details are gone for everyone.")
    List<FeedbackView> inbox(@PathVariable String productId,
            @Parameter(description = "only feedback not triaged yet") @RequestParam(defaultValue = "false")
            boolean untriaged, @Parameter(hidden = true) Principal caller) {
        String userId = access.requireMember(productId, caller);
        List<FeedbackEntry> entries = dashboards.feedbackInbox(productId).orElse(List.of()).stream()
                .filter(entry -> !untriaged || entry.firstTriagedAt() == null)
                .toList();
        boolean mayOpen = !Collections.disjoint(membership.rolesOf(productId, userId), SEE_CONTACTS);
        Map<String, CustomerContact> contacts = mayOpen ? open(productId, entries) : Map.of();
        return entries.stream().map(entry -> new FeedbackView(entry.id(), entry.summary(), entry.channel(),
                entry.urgency(), entry.receivedAt(), entry.firstTriagedAt(), entry.outcome(),
                entry.customerReference(), contacts.get(entry.id()), erased(entry, contacts, mayOpen)))
                .toList();
    }

    private Map<String, CustomerContact> open(String productId, List<FeedbackEntry> entries) {
        Map<String, PersonalDataVault.Customer> sealed = new LinkedHashMap<>();
        entries.stream().filter(entry -> entry.customerContact() != null).forEach(entry -> sealed.put(
                entry.id(), new PersonalDataVault.Customer(entry.customerReference(), entry.customerContact())));
        return sealed.isEmpty() ? Map.of() : vault.openAll(productId, sealed);
    }

    /** Forgotten, or (as far as the caller can tell) sealed under a key that no longer exists. */
    private static boolean erased(FeedbackEntry entry, Map<String, CustomerContact> opened, boolean mayOpen) {
        return entry.customerForgotten()
                || mayOpen && entry.customerContact() != null && !opened.containsKey(entry.id());
    }
}
