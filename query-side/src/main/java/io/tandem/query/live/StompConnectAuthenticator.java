package io.tandem.query.live;

import io.tandem.support.security.BasicCredentials;
import io.tandem.support.security.LoginAttempts;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.stereotype.Component;

/**
 * Authenticates the STOMP CONNECT frame the same way as HTTP: {@code Authorization: Basic …} or {@code Bearer …}
 * (when an OIDC issuer is configured), or the frame's {@code login}/{@code passcode}. Without credentials in the frame
 * a handshake that was already authenticated (HTTP Basic on the upgrade request) is accepted. Anything else is
 * refused: the client gets an ERROR frame and the connection is closed. Wrong passwords count towards the sign-in
 * limit per username and client address that HTTP Basic shares; while limited, a password CONNECT is refused.
 */
@Component
class StompConnectAuthenticator implements ChannelInterceptor {

    private static final String AUTHORIZATION = "Authorization";

    private final AuthenticationManager authenticationManager;
    private final LoginAttempts loginAttempts;

    StompConnectAuthenticator(UserDetailsService users, PasswordEncoder passwordEncoder,
            ObjectProvider<JwtDecoder> jwtDecoder,
            @Value("${tandem.security.jwt-username-claim:sub}") String jwtUsernameClaim, LoginAttempts loginAttempts) {
        this.loginAttempts = loginAttempts;
        List<AuthenticationProvider> providers = new ArrayList<>();
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        providers.add(passwords);
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        if (decoder != null) {
            var converter = new JwtAuthenticationConverter();
            converter.setPrincipalClaimName(jwtUsernameClaim);
            var jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(converter);
            providers.add(jwt);
        }
        this.authenticationManager = new ProviderManager(providers);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null
                || !(StompCommand.CONNECT.equals(accessor.getCommand())
                     || StompCommand.STOMP.equals(accessor.getCommand()))) {
            return message;
        }
        String address = ClientAddress.of(accessor);
        Authentication credentials;
        try {
            credentials = credentials(accessor);
        } catch (BadCredentialsException malformed) {
            loginAttempts.failed(null, address);
            throw malformed;
        }
        if (credentials == null) {
            accessor.setUser(handshakeUser(accessor.getUser()));
            return message;
        }
        String username = credentials instanceof UsernamePasswordAuthenticationToken ? credentials.getName() : null;
        if (username != null) {
            refuseWhileLimited(username, address);
        }
        try {
            accessor.setUser(authenticationManager.authenticate(credentials));
        } catch (AuthenticationException failed) {
            if (username != null) {
                loginAttempts.failed(username, address);
            }
            throw failed;
        }
        return message;
    }

    /** Password attempts are limited like HTTP Basic's ({@link LoginAttempts}); bearer tokens are not guessable. */
    private void refuseWhileLimited(String username, String address) {
        Duration wait = loginAttempts.retryAfter(username, address);
        if (!wait.isZero()) {
            throw new FrameRefusedException("Too many failed sign-ins; try again in " + LoginAttempts.seconds(wait)
                    + " seconds.");
        }
    }

    private static Authentication credentials(StompHeaderAccessor accessor) {
        String authorization = accessor.getFirstNativeHeader(AUTHORIZATION);
        if (authorization == null) {
            authorization = accessor.getFirstNativeHeader("authorization");
        }
        if (authorization != null) {
            String[] parts = authorization.strip().split("\\s+", 2);
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Basic")) {
                return basic(parts[1]);
            }
            if (parts.length == 2 && parts[0].equalsIgnoreCase("Bearer")) {
                return new BearerTokenAuthenticationToken(parts[1]);
            }
            throw new BadCredentialsException("Unsupported authorization scheme");
        }
        String login = accessor.getLogin();
        if (login != null) {
            String passcode = accessor.getPasscode();
            return UsernamePasswordAuthenticationToken.unauthenticated(login, passcode == null ? "" : passcode);
        }
        return null;
    }

    private static Authentication basic(String encoded) {
        return BasicCredentials.decode(encoded)
                .map(basic -> UsernamePasswordAuthenticationToken.unauthenticated(basic.username(), basic.password()))
                .orElseThrow(() -> new BadCredentialsException("Malformed Basic credentials"));
    }

    private static Principal handshakeUser(Principal user) {
        if (user instanceof Authentication authentication && authentication.isAuthenticated()) {
            return authentication;
        }
        throw new AuthenticationCredentialsNotFoundException("No credentials in the CONNECT frame");
    }
}
