package io.tandem.command.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import io.tandem.command.CommandSideApplication;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The seed is for an empty store only: a second start on the same store keeps the data and appends nothing. */
class DemoSeedAcrossRestartTest {

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
    void aSecondStartKeepsTheDemoDataAndAppendsNothing() {
        long seeded;
        try (ConfigurableApplicationContext first = startCommandSide()) {
            seeded = DemoEvents.countAll(first.getBean(MongoDatabase.class));
        }
        try (ConfigurableApplicationContext second = startCommandSide()) {
            assertThat(DemoEvents.countAll(second.getBean(MongoDatabase.class))).isEqualTo(seeded);
        }
        assertThat(seeded).isGreaterThan(50);
    }

    @Test
    void seedingSwitchedOffLeavesTheStoreEmpty() {
        try (ConfigurableApplicationContext context = startCommandSide("--tandem.demo.seed=false")) {
            assertThat(DemoEvents.countAll(context.getBean(MongoDatabase.class))).isZero();
        }
    }

    private ConfigurableApplicationContext startCommandSide(String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--tandem.store.embedded.enabled=false",
                                                    "--tandem.store.uri=" + store.connectionString()));
        args.addAll(List.of(extraArgs));
        return new SpringApplicationBuilder(CommandSideApplication.class).profiles("demo")
                                                                         .run(args.toArray(String[]::new));
    }
}
