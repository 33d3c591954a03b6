package io.tandem.command.productplan;

import static io.tandem.command.common.CommandMetaData.ACTOR;

import io.tandem.command.common.CommandResult;
import io.tandem.command.common.Texts;
import io.tandem.command.common.UnusedIds;
import io.tandem.command.common.Versions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Creates products. Any authenticated user may create one and becomes its first product manager. Handled outside the
 * aggregate so that the answer can carry the version of the new plan.
 */
@Component
class ProductCreationHandler {

    private final Repository<ProductPlan> productPlanRepository;
    private final EventStore eventStore;

    ProductCreationHandler(Repository<ProductPlan> productPlanRepository, EventStore eventStore) {
        this.productPlanRepository = productPlanRepository;
        this.eventStore = eventStore;
    }

    @CommandHandler
    CommandResult handle(CreateProductCommand c, @MetaDataValue(ACTOR) String actor) throws Exception {
        if (actor == null || actor.isBlank()) {
            throw new IllegalStateException("a command must carry the authenticated actor in its metadata");
        }
        Versions.requireCurrent(c.expectedVersion(), null);
        String productId = Texts.requireId("productId", c.productId());
        UnusedIds.requireUnused(eventStore, "productId", productId);
        Aggregate<ProductPlan> plan =
                productPlanRepository.newInstance(() -> new ProductPlan(productId, c.name(), c.vision(), actor));
        return new CommandResult(productId, plan.version());
    }
}
