package io.tandem.query.membership;

import com.mongodb.client.MongoDatabase;
import io.tandem.events.ProductCreatedEvent;
import io.tandem.events.Role;
import io.tandem.events.RoleGrantedEvent;
import io.tandem.events.RoleRevokedEvent;
import io.tandem.query.ProcessingGroups;
import io.tandem.query.readmodel.ReadModels;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps who is a member of which product, with which roles, from the plan's events. All of them come from the
 * product's plan aggregate, so the product document remembers the last sequence number applied and an event at or
 * below it changes nothing. The user's product list is updated first and the product document last, so a failure in
 * between is repaired by the redelivery. A user whose last role is revoked is no longer a member.
 */
@Component
@ProcessingGroup(ProcessingGroups.MEMBERSHIP)
class MembershipProjection {

    private final MembershipStore store;

    @Autowired
    MembershipProjection(ReadModels readModels) {
        this(readModels.writing(ProcessingGroups.MEMBERSHIP));
    }

    MembershipProjection(MongoDatabase database) {
        this.store = new MembershipStore(database);
    }

    @EventHandler
    void on(ProductCreatedEvent event, @SequenceNumber Long sequence) {
        change(event.productId(), event.name(), sequence, members -> { });
    }

    @EventHandler
    void on(RoleGrantedEvent event, @SequenceNumber Long sequence) {
        change(event.productId(), null, sequence, members -> {
            members.computeIfAbsent(event.userId(), user -> EnumSet.noneOf(Role.class)).add(event.role());
            store.addProduct(event.userId(), event.productId());
        });
    }

    @EventHandler
    void on(RoleRevokedEvent event, @SequenceNumber Long sequence) {
        change(event.productId(), null, sequence, members -> {
            Set<Role> roles = members.getOrDefault(event.userId(), EnumSet.noneOf(Role.class));
            roles.remove(event.role());
            if (roles.isEmpty()) {
                members.remove(event.userId());
                store.removeProduct(event.userId(), event.productId());
            }
        });
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    private void change(String productId, String name, long sequence, Consumer<Map<String, Set<Role>>> change) {
        MembershipStore.ProductMembers current = store.product(productId)
                .orElse(new MembershipStore.ProductMembers(productId, null, Map.of(), -1));
        if (sequence <= current.lastSequence()) {
            return;
        }
        Map<String, Set<Role>> members = new LinkedHashMap<>();
        current.members().forEach((user, roles) -> members.put(user, EnumSet.copyOf(roles)));
        change.accept(members);
        store.save(new MembershipStore.ProductMembers(productId, name != null ? name : current.name(), members,
                sequence));
    }
}
