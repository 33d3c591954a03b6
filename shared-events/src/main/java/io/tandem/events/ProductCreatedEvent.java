package io.tandem.events;

import org.axonframework.serialization.Revision;

/** A product was created. The creator's PM role follows as a separate {@link RoleGrantedEvent}. */
@Revision("1")
public record ProductCreatedEvent(
        String productId,
        String name,
        String vision) {}
