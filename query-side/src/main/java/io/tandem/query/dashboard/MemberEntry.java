package io.tandem.query.dashboard;

import io.tandem.events.Role;
import java.util.List;

/** A member and the roles held, in {@link Role} order. */
record MemberEntry(String userId, List<Role> roles) {
}
