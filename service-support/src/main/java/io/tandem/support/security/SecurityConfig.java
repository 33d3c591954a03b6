package io.tandem.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Stateless authentication of a Tandem service: HTTP Basic against the configured users and, when an OIDC issuer
 * is configured (Spring Boot then provides a {@link JwtDecoder}), bearer JWTs. Every request must be authenticated
 * except health, the API description and the service's own {@code tandem.security.public-paths} (the query side's
 * static web page, say). Decision rights are not checked here but by the services, which know the members.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({TandemSecurityProperties.class, LoginAttemptsProperties.class})
public class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper mapper, ObjectProvider<JwtDecoder> jwtDecoder,
            TandemSecurityProperties properties, LoginAttempts loginAttempts) throws Exception {
        boolean bearerEnabled = jwtDecoder.getIfAvailable() != null;
        var entryPoint = new ProblemAuthenticationEntryPoint(mapper, bearerEnabled);
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers(properties.publicPaths().toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new LoginAttemptFilter(loginAttempts, mapper), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.realmName("tandem")
                        .authenticationEntryPoint(LoginAttemptFilter.countingFailures(loginAttempts, entryPoint)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new ProblemAccessDeniedHandler(mapper)));
        if (bearerEnabled) {
            var converter = new JwtAuthenticationConverter();
            converter.setPrincipalClaimName(properties.jwtUsernameClaim());
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(new ProblemAccessDeniedHandler(mapper))
                    .jwt(jwt -> jwt.decoder(jwtDecoder.getObject()).jwtAuthenticationConverter(converter)));
        }
        return http.build();
    }

    /**
     * No Micrometer observations of Spring Security's own steps (each filter of the chain, each authentication, each
     * authorization): profiled under the end-to-end benchmark they took about 9 % of the command side's CPU, on
     * every request, for metrics nothing reads. Requests stay observed as {@code http.server.requests}.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** Failed password sign-ins per username and client address, shared by HTTP Basic and the STOMP CONNECT. */
    @Bean
    LoginAttempts loginAttempts(LoginAttemptsProperties properties) {
        return new LoginAttempts(properties.maxFailures(), properties.window(), System::nanoTime);
    }

    /** The configured users; with none configured nobody can sign in with a password. */
    @Bean
    UserDetailsService configuredUsers(TandemSecurityProperties properties, PasswordEncoder passwordEncoder) {
        var users = new InMemoryUserDetailsManager();
        for (TandemSecurityProperties.User user : properties.users()) {
            UserDetails details = User.withUsername(user.username())
                    .password(user.password())
                    .authorities("ROLE_USER")
                    .build();
            users.createUser(details);
        }
        return users;
    }

    /**
     * Accepts {@code {bcrypt}}, {@code {noop}} and the other encodings Spring Security knows by their id; a password
     * that matched is remembered for {@code tandem.security.verified-password-ttl} ({@link VerifiedPasswordCache}).
     */
    @Bean
    PasswordEncoder passwordEncoder(TandemSecurityProperties properties) {
        return new VerifiedPasswordCache(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.verifiedPasswordTtl(), System::nanoTime);
    }
}
