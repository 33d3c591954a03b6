package io.tandem.query.dashboard;

import io.tandem.events.Role;
import java.util.List;

/**
 * Who steers the product.
 *
 * @param productManagers          user ids holding PRODUCT_MANAGER
 * @param productOwners            user ids holding PRODUCT_OWNER
 * @param holdingBothRoles         user ids holding both
 * @param onePersonHoldsBothRoles  whether someone is PM and PO at once
 * @param members                  every member with their roles, by user id
 */
public record PeopleView(List<String> productManagers, List<String> productOwners, List<String> holdingBothRoles,
                         boolean onePersonHoldsBothRoles, List<Member> members) {

    /** A member and the roles held. */
    public record Member(String userId, List<Role> roles) {
    }
}
