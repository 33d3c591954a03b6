package io.tandem.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The secrets a service's log test uses in a realistic session, and the check that none of them reached the logs.
 * Shared by both services' {@code SecretsStayOutOfLogsTest} through service-support's test jar.
 */
public final class LoggedSecrets {

    public static final String USER = "ada";
    public static final String PASSWORD = "Kx9-moonlit-Quarry-41";
    public static final String WRONG_PASSWORD = "Zq7-sunken-Harbor-03";
    public static final String TOKEN =
            "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZGEiLCJ0ZW5hbnQiOiJ0YW5kZW0ifQ.c2lnbmF0dXJlLXh5ejEyMw";
    public static final String CUSTOMER_NAME = "Zoë Lindqvist-Marchetti";
    public static final String CUSTOMER_EMAIL = "zoe.lindqvist@example.org";

    private LoggedSecrets() {
    }

    /**
     * The command line of a service under test: embedded in-memory store, {@value #USER} signing in with
     * {@link #PASSWORD} (a cheap bcrypt hash), the logs of io.tandem at DEBUG.
     */
    public static String[] serviceArguments() {
        return new String[] {
                "--server.port=0",
                "--tandem.store.embedded.enabled=true",
                "--tandem.store.embedded.backend=memory",
                "--tandem.store.embedded.port=0",
                "--tandem.security.users[0].username=" + USER,
                "--tandem.security.users[0].password={bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD),
                "--logging.level.io.tandem=DEBUG"};
    }

    /** The {@code Authorization} header of {@value #USER} with this password. */
    public static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Fails when the output is not a started service's, or holds any password, token, credential or contact. */
    public static void assertNoneIn(String output) {
        assertThat(output).contains("Tomcat started on port");
        for (String secret : List.of(PASSWORD, WRONG_PASSWORD, TOKEN, basic(PASSWORD), basic(WRONG_PASSWORD),
                CUSTOMER_NAME, "Lindqvist", CUSTOMER_EMAIL)) {
            assertThat(output).as("logs contain %s", secret).doesNotContain(secret);
        }
    }
}
