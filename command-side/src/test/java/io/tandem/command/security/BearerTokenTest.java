package io.tandem.command.security;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.tandem.command.web.ApiClient;
import io.tandem.command.web.CommandApiTest;
import io.tandem.command.web.EventLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** With an OIDC issuer configured, bearer JWTs are accepted besides HTTP Basic, and name the actor by a claim. */
@CommandApiTest
@TestPropertySource(properties = "tandem.security.jwt-username-claim=preferred_username")
class BearerTokenTest {

    private static final RSAKey SIGNING_KEY = rsaKey("issuer-key");
    private static final HttpServer ISSUER = startIssuer();

    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", BearerTokenTest::issuerUri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.stop(0);
    }

    @Test
    void acceptsBearerTokenAndRecordsTheConfiguredClaimAsActor() {
        ApiClient.Response response = new ApiClient(port).anonymous()
                .header("Authorization", "Bearer " + token(SIGNING_KEY, "00u1a2b3", "pm", Instant.now().plusSeconds(300)))
                .post("/api/products", "{\"name\":\"Federated\"}");

        assertThat(response.status()).as("%s", response).isEqualTo(201);
        assertThat(new EventLog(database).metaDataAt(response.id(), 0).getString("actor")).isEqualTo("pm");
    }

    @Test
    void rejectsTokenSignedByAnotherKey() {
        ApiClient.Response response = new ApiClient(port).anonymous()
                .header("Authorization", "Bearer " + token(rsaKey("issuer-key"), "x", "pm", Instant.now().plusSeconds(300)))
                .post("/api/products", "{\"name\":\"Forged\"}");

        assertProblem(response, 401, "unauthorized");
        assertThat(response.raw().headers().allValues("WWW-Authenticate")).anyMatch(value -> value.startsWith("Bearer"));
    }

    @Test
    void rejectsExpiredToken() {
        ApiClient.Response response = new ApiClient(port).anonymous()
                .header("Authorization", "Bearer " + token(SIGNING_KEY, "x", "pm", Instant.now().minusSeconds(600)))
                .post("/api/products", "{\"name\":\"Late\"}");

        assertProblem(response, 401, "unauthorized");
    }

    @Test
    void stillAcceptsHttpBasic() {
        assertThat(new ApiClient(port).as("po").post("/api/products", "{\"name\":\"Basic\"}").status()).isEqualTo(201);
    }

    private static String token(RSAKey key, String subject, String username, Instant expiry) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuerUri())
                .subject(subject)
                .claim("preferred_username", username)
                .issueTime(Date.from(expiry.minusSeconds(900)))
                .expirationTime(Date.from(expiry))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String issuerUri() {
        return "http://localhost:" + ISSUER.getAddress().getPort() + "/issuer";
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal OIDC provider: discovery document and key set. */
    private static HttpServer startIssuer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/issuer/.well-known/openid-configuration", exchange -> respond(exchange,
                    "{\"issuer\":\"" + issuerUri() + "\",\"jwks_uri\":\"" + issuerUri() + "/jwks\","
                            + "\"subject_types_supported\":[\"public\"],"
                            + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
            server.createContext("/issuer/jwks", exchange -> respond(exchange,
                    new JWKSet(SIGNING_KEY.toPublicJWK()).toString()));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
