package io.tandem.command.web;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.command.common.ForbiddenException;
import io.tandem.command.common.InvalidCommandException;
import io.tandem.command.common.NotFoundException;
import io.tandem.command.common.RuleViolationException;
import io.tandem.command.common.StaleVersionException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** What a command handler throws, however Axon wrapped it, becomes the right problem; anything else a bare 500. */
@CommandApiTest
@Import(ExceptionMappingTest.ThrowingController.class)
class ExceptionMappingTest {

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "not-found-in-command-execution, 404, not-found",
            "aggregate-not-found, 404, not-found",
            "forbidden-in-completion, 403, forbidden",
            "invalid-command, 400, validation",
            "rule-violation, 409, business-rule",
            "concurrency-in-completion, 409, conflict",
            "conflicting-aggregate-version, 409, conflict",
            "stale-version-twice-wrapped, 412, precondition-failed",
            "unexpected, 500, internal"})
    void mapsHandlerExceptionsAfterUnwrappingThem(String failure, int status, String kind) {
        ApiClient.Response response = new ApiClient(port).as("pm").post("/api/test-failures/" + failure, null);

        assertProblem(response, status, kind);
        assertThat(response.body()).doesNotContain("hunter2");
    }

    @RestController
    static class ThrowingController {

        private static final Map<String, Supplier<RuntimeException>> FAILURES = Map.of(
                "not-found-in-command-execution",
                () -> new CommandExecutionException("wrapped", new NotFoundException("product p does not exist")),
                "aggregate-not-found", () -> new AggregateNotFoundException("p", "no aggregate p"),
                "forbidden-in-completion", () -> new CompletionException(new ForbiddenException("viewers may not")),
                "invalid-command", () -> new InvalidCommandException("rationale must not be blank"),
                "rule-violation", () -> new RuleViolationException("a product keeps one product manager"),
                "concurrency-in-completion", () -> new CompletionException(new ConcurrencyException("p/3 taken")),
                "conflicting-aggregate-version", () -> new ConflictingAggregateVersionException("p", 2, 3),
                "stale-version-twice-wrapped", () -> new CompletionException(
                        new CommandExecutionException("wrapped", new StaleVersionException("expected 2, is 3"))),
                "unexpected", () -> new IllegalStateException("connection string with password hunter2"));

        @PostMapping("/api/test-failures/{failure}")
        void fail(@PathVariable String failure) {
            throw FAILURES.get(failure).get();
        }
    }
}
