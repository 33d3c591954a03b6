package io.tandem.command.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole command side on a random port, with the demo users (password "demo") and the embedded store in memory.
 * Failed sign-ins are limited only after 1,000 (all tests come from one address; the limiter's own tests use the
 * real limit). Every test class with this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tandem.store.embedded.enabled=true",
        "tandem.store.embedded.backend=memory",
        "tandem.store.embedded.port=0",
        "tandem.demo.seed=false",
        "tandem.security.login-attempts.max-failures=1000"})
@ActiveProfiles("demo")
public @interface CommandApiTest {
}
