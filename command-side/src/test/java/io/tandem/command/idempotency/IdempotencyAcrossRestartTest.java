package io.tandem.command.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tandem.command.CommandSideApplication;
import io.tandem.command.web.ApiClient;
import io.tandem.command.web.EventLog;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The idempotency records live in MongoDB, so a retry after a restart of the command side still gets the first answer. */
class IdempotencyAcrossRestartTest {

    @TempDir
    Path dataDir;

    EmbeddedMongoServer store;

    @BeforeEach
    void startStore() {
        store = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, dataDir, "127.0.0.1", 0, Durability.COMMIT);
    }

    @AfterEach
    void stopStore() {
        store.close();
    }

    @Test
    void replaysTheFirstAnswerAfterARestart() {
        String body = "{\"name\":\"Survivor\"}";
        ApiClient.Response first;
        long eventsAfterFirst;
        try (ConfigurableApplicationContext before = startCommandSide()) {
            first = api(before).as("pm").header("Idempotency-Key", "restart-1").post("/api/products", body);
            eventsAfterFirst = new EventLog(before.getBean(MongoDatabase.class)).count();
        }

        try (ConfigurableApplicationContext after = startCommandSide()) {
            ApiClient.Response retry = api(after).as("pm").header("Idempotency-Key", "restart-1")
                    .post("/api/products", body);

            assertThat(first.status()).as("%s", first).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json()).isEqualTo(first.json());
            assertThat(new EventLog(after.getBean(MongoDatabase.class)).count()).isEqualTo(eventsAfterFirst);
        }
    }

    private ConfigurableApplicationContext startCommandSide() {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .profiles("demo")
                .run("--server.port=0",
                        "--tandem.store.embedded.enabled=false",
                        "--tandem.store.uri=" + store.connectionString());
    }

    private static ApiClient api(ConfigurableApplicationContext context) {
        return new ApiClient(((ServletWebServerApplicationContext) context).getWebServer().getPort());
    }
}
