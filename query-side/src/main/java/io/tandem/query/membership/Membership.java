package io.tandem.query.membership;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.Role;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.readmodel.ReadModels;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Who may see what: product membership as projected from the plan's role events. A member holds at least one role;
 * anyone else sees nothing of a product. Every question is answered with {@code _id} lookups.
 */
@Component
public class Membership {

    private final MembershipStore store;

    @Autowired
    Membership(ReadModels readModels) {
        this(readModels.serving(ProcessingGroups.MEMBERSHIP));
    }

    Membership(MongoDatabase database) {
        this.store = new MembershipStore(database);
    }

    /** Whether the user holds any role in the product. */
    public boolean isMember(String productId, String userId) {
        return !rolesOf(productId, userId).isEmpty();
    }

    /** The user's roles in the product; empty when not a member or the product is unknown. */
    public Set<Role> rolesOf(String productId, String userId) {
        return store.product(productId)
                .map(product -> product.members().getOrDefault(userId, Set.of()))
                .<Set<Role>>map(roles -> roles.isEmpty() ? Set.of()
                        : Collections.unmodifiableSet(EnumSet.copyOf(roles)))
                .orElse(Set.of());
    }

    /** The products the user is a member of, with the user's roles, by name. */
    public List<ProductSummary> productsOf(String userId) {
        List<String> ids = store.productIdsOf(userId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return store.products(ids).stream()
                .filter(product -> !product.members().getOrDefault(userId, Set.of()).isEmpty())
                .map(product -> new ProductSummary(product.productId(), product.name(),
                        product.members().get(userId)))
                .sorted(Comparator.comparing(ProductSummary::name, Comparator.nullsLast(String::compareTo))
                        .thenComparing(ProductSummary::productId))
                .toList();
    }
}
