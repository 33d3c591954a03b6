package io.tandem.query.membership;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.tandem.events.Role;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Membership in two collections, every access an {@code _id} lookup: {@value #PRODUCTS} ({@code _id} = productId:
 * {@code name}, {@code members} as a list of {@code {userId, roles}} — a list rather than a map because user ids may
 * contain dots — and {@code lastSequence}, the last plan event applied) and {@value #USERS} ({@code _id} = userId:
 * {@code products}, the ids of the products the user is a member of).
 */
final class MembershipStore {

    static final String PRODUCTS = "product_members";
    static final String USERS = "user_products";

    private final MongoCollection<Document> products;
    private final MongoCollection<Document> users;

    MembershipStore(MongoDatabase database) {
        this.products = database.getCollection(PRODUCTS);
        this.users = database.getCollection(USERS);
    }

    /** A product's membership as stored. */
    record ProductMembers(String productId, String name, Map<String, Set<Role>> members, long lastSequence) {
    }

    Optional<ProductMembers> product(String productId) {
        return Optional.ofNullable(products.find(eq("_id", productId)).first()).map(MembershipStore::toMembers);
    }

    List<ProductMembers> products(Collection<String> productIds) {
        List<ProductMembers> found = new ArrayList<>();
        products.find(in("_id", productIds)).forEach(d -> found.add(toMembers(d)));
        return found;
    }

    List<String> productIdsOf(String userId) {
        Document user = users.find(eq("_id", userId)).first();
        return user == null ? List.of() : user.getList("products", String.class, List.of());
    }

    void save(ProductMembers product) {
        List<Document> members = new ArrayList<>();
        product.members().forEach((userId, roles) -> members.add(new Document("userId", userId)
                .append("roles", roles.stream().map(Role::name).toList())));
        products.replaceOne(eq("_id", product.productId()), new Document("_id", product.productId())
                .append("name", product.name()).append("members", members)
                .append("lastSequence", product.lastSequence()), new ReplaceOptions().upsert(true));
    }

    void addProduct(String userId, String productId) {
        users.updateOne(eq("_id", userId), Updates.addToSet("products", productId), new UpdateOptions().upsert(true));
    }

    void removeProduct(String userId, String productId) {
        users.updateOne(eq("_id", userId), Updates.pull("products", productId));
    }

    void clear() {
        products.deleteMany(new Document());
        users.deleteMany(new Document());
    }

    private static ProductMembers toMembers(Document d) {
        Map<String, Set<Role>> members = new LinkedHashMap<>();
        for (Document member : d.getList("members", Document.class, List.of())) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            member.getList("roles", String.class, List.of()).forEach(role -> roles.add(Role.valueOf(role)));
            members.put(member.getString("userId"), roles);
        }
        return new ProductMembers(d.getString("_id"), d.getString("name"), members,
                d.get("lastSequence", Number.class).longValue());
    }
}
