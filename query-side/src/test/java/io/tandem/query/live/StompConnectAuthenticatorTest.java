package io.tandem.query.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import io.tandem.support.security.LoginAttempts;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class StompConnectAuthenticatorTest {

    private static final JwtDecoder DECODER = token -> {
        if (!token.equals("valid-token")) {
            throw new BadJwtException("not a token we issued");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("a1b2c3")
                .claim("preferred_username", "pm").build();
    };

    private final StompConnectAuthenticator withJwt = authenticator(DECODER);
    private final StompConnectAuthenticator withoutJwt = authenticator(null);

    @Test
    void basicCredentialsInTheConnectFrameSignTheUserIn() {
        assertThat(userOf(withoutJwt, connect("Authorization", basic("pm:demo"), null))).isEqualTo("pm");
    }

    @Test
    void loginAndPasscodeSignTheUserIn() {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.CONNECT);
        headers.setLogin("po");
        headers.setPasscode("demo");

        assertThat(userOf(withoutJwt, message(headers))).isEqualTo("po");
    }

    @Test
    void aBearerTokenIsCheckedByTheJwtDecoderAndNamesTheUserByTheConfiguredClaim() {
        assertThat(userOf(withJwt, connect("Authorization", "Bearer valid-token", null))).isEqualTo("pm");
        assertThatThrownBy(() -> withJwt.preSend(connect("Authorization", "Bearer forged", null), null))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aBearerTokenWithoutAnIssuerConfiguredIsRefused() {
        assertThatThrownBy(() -> withoutJwt.preSend(connect("Authorization", "Bearer valid-token", null), null))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void wrongOrMalformedCredentialsAreRefused() {
        assertThatThrownBy(() -> withoutJwt.preSend(connect("Authorization", basic("pm:wrong"), null), null))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> withoutJwt.preSend(connect("Authorization", "Basic !!!", null), null))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> withoutJwt.preSend(connect("Authorization", "Digest x", null), null))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void withoutCredentialsOnlyAnAuthenticatedHandshakeIsAccepted() {
        var handshake = UsernamePasswordAuthenticationToken.authenticated("viewer", null, java.util.List.of());

        assertThat(userOf(withoutJwt, connect(null, null, handshake))).isEqualTo("viewer");
        assertThatThrownBy(() -> withoutJwt.preSend(connect(null, null, null), null))
                .isInstanceOf(AuthenticationException.class);
    }

    private static String userOf(StompConnectAuthenticator authenticator, Message<?> connect) {
        Message<?> result = authenticator.preSend(connect, null);
        Principal user = MessageHeaderAccessor.getAccessor(result, StompHeaderAccessor.class).getUser();
        return user.getName();
    }

    private static Message<byte[]> connect(String header, String value, Principal handshakeUser) {
        StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.CONNECT);
        if (header != null) {
            headers.addNativeHeader(header, value);
        }
        headers.setUser(handshakeUser);
        return message(headers);
    }

    private static Message<byte[]> message(StompHeaderAccessor headers) {
        headers.setLeaveMutable(true);
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    @SuppressWarnings("unchecked")
    private static StompConnectAuthenticator authenticator(JwtDecoder decoder) {
        var users = new InMemoryUserDetailsManager(
                User.withUsername("pm").password("{noop}demo").authorities("ROLE_USER").build(),
                User.withUsername("po").password("{noop}demo").authorities("ROLE_USER").build());
        ObjectProvider<JwtDecoder> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(decoder);
        return new StompConnectAuthenticator(users, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                provider, "preferred_username", new LoginAttempts(1_000, Duration.ofMinutes(1), System::nanoTime));
    }
}
