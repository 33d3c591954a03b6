package io.tandem.query.web;

import io.tandem.query.membership.Membership;
import java.security.Principal;
import org.springframework.stereotype.Component;

/** Reads of a product are for its members only; to anyone else the product does not exist. */
@Component
public class ProductAccess {

    private final Membership membership;

    ProductAccess(Membership membership) {
        this.membership = membership;
    }

    /** Returns the caller's user id when they are a member of the product; otherwise 404. */
    public String requireMember(String productId, Principal caller) {
        String userId = caller.getName();
        if (!membership.isMember(productId, userId)) {
            throw new ProductNotFoundException("There is no product " + productId + " that you are a member of.");
        }
        return userId;
    }
}
