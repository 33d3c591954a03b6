package io.tandem.support.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The username and password of an HTTP Basic credential ({@code Authorization: Basic <base64>}), as both the HTTP
 * sign-in limit and the STOMP CONNECT read it.
 *
 * @param username the part before the first colon
 * @param password the rest
 */
public record BasicCredentials(String username, String password) {

    /** The credential in the Base64 token after {@code Basic }; empty when it is not Base64 or has no colon. */
    public static Optional<BasicCredentials> decode(String token) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty()
                : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Keeps the password out of logs and exception messages. */
    @Override
    public String toString() {
        return "BasicCredentials[username=" + username + "]";
    }
}
