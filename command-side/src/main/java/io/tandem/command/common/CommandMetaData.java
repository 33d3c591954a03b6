package io.tandem.command.common;

import io.tandem.events.Role;
import org.axonframework.messaging.MetaData;

/**
 * Metadata keys shared by the web layer and the command handlers.
 *
 * <p>The web layer puts the authenticated principal under {@link #ACTOR} on every command; handlers put the actor and
 * the role it acted in ({@link #ROLE}) on every event they apply.
 */
public final class CommandMetaData {

    /** Command and event metadata key: the user id of the authenticated principal. */
    public static final String ACTOR = "actor";
    /** Event metadata key: the {@link Role} name the actor acted in. */
    public static final String ROLE = "role";

    private CommandMetaData() {
    }

    /** The metadata of an event decided by {@code actor} acting as {@code role}. */
    public static MetaData eventMetaData(String actor, Role role) {
        return MetaData.with(ACTOR, actor).and(ROLE, role.name());
    }
}
