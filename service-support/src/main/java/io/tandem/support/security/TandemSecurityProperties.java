package io.tandem.support.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in with HTTP Basic, and how a bearer JWT names its user.
 *
 * @param users            the configured users ({@code TANDEM_SECURITY_USERS_0_USERNAME},
 *                         {@code TANDEM_SECURITY_USERS_0_PASSWORD}, ...); none by default, so outside the demo
 *                         profile nobody can sign in with a password unless an operator configures it
 * @param jwtUsernameClaim the JWT claim that names the user ({@code TANDEM_SECURITY_JWTUSERNAMECLAIM}, default
 *                         {@code sub}); only used when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 *                         is set
 * @param publicPaths      request paths (Ant patterns) open without authentication besides health and API docs
 * @param verifiedPasswordTtl how long a password that matched its bcrypt hash is accepted again without the
 *                         bcrypt check ({@code TANDEM_SECURITY_VERIFIEDPASSWORDTTL}, default 5 minutes; 0 checks
 *                         every request); wrong passwords are always checked in full
 */
@ConfigurationProperties("tandem.security")
record TandemSecurityProperties(
        @DefaultValue List<User> users,
        @DefaultValue("sub") String jwtUsernameClaim,
        @DefaultValue List<String> publicPaths,
        @DefaultValue("5m") Duration verifiedPasswordTtl) {

    /**
     * A user that signs in with HTTP Basic.
     *
     * @param username the user id, also the name members are granted roles by
     * @param password an encoded password with its encoder id: {@code {bcrypt}$2a$10$...} (or {@code {noop}...} for
     *                 throw-away setups); a bare password is rejected at startup
     */
    record User(String username, String password) {

        User {
            if (username == null || username.isBlank()) {
                throw new IllegalArgumentException("tandem.security.users: every user needs a username");
            }
            if (password == null || !password.matches("\\{[A-Za-z0-9_-]+}.+")) {
                throw new IllegalArgumentException("tandem.security.users: the password of '" + username
                        + "' must be encoded with its encoder id, e.g. {bcrypt}$2a$10$...");
            }
        }

        @Override
        public String toString() {
            return "User[username=" + username + ", password=<hidden>]";
        }
    }
}
