package io.tandem.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.command.CommandSideApplication;
import io.tandem.eventstore.AppendListener;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A command in flight when the command side is told to stop still completes and gets its answer. */
class GracefulShutdownTest {

    @Test
    void finishesACommandInFlightBeforeStopping() throws Exception {
        HeldAppend held = new HeldAppend();
        ConfigurableApplicationContext commandSide = new SpringApplicationBuilder(CommandSideApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("heldAppend", held))
                .profiles("demo").run(
                "--server.port=0",
                "--tandem.store.embedded.backend=memory",
                "--tandem.store.embedded.port=0",
                "--tandem.demo.seed=false");
        int port = ((ServletWebServerApplicationContext) commandSide).getWebServer().getPort();
        CompletableFuture<Void> stopping = null;
        try {
            held.armed.set(true);
            CompletableFuture<HttpResponse<String>> inFlight = createProduct(port);
            assertThat(held.entered.await(30, TimeUnit.SECONDS)).as("the command reached its append").isTrue();

            stopping = CompletableFuture.runAsync(commandSide::close);
            await().atMost(Duration.ofSeconds(20)).until(() -> refusesConnections(port));
            assertThat(stopping).as("still waiting for the command").isNotDone();
            held.release.countDown();

            assertThat(inFlight.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            stopping.get(30, TimeUnit.SECONDS);
        } finally {
            held.release.countDown();
            if (stopping == null) {
                commandSide.close();
            }
        }
    }

    private static CompletableFuture<HttpResponse<String>> createProduct(int port) {
        String credentials = Base64.getEncoder().encodeToString("pm:demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/products"))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"In flight\"}"))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean refusesConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return false;
        } catch (ConnectException refused) {
            return true;
        } catch (IOException other) {
            return false;
        }
    }

    /**
     * Holds the first append after {@link #armed} until {@link #release}. Registered as a bean by the test (not
     * scanned: a second append listener would break the other tests' contexts).
     */
    static final class HeldAppend implements AppendListener {
        final AtomicBoolean armed = new AtomicBoolean();
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void positionsAllocated(long firstPosition, int count) {
            if (armed.getAndSet(false)) {
                entered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
