package io.tandem.eventstore.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 store's page cache: 64 MB unless configured, a configured size applied, nonsense refused before opening. */
class PageCacheSizeTest {

    @TempDir
    Path data;

    @Test
    void theDefaultCacheIsLargerThanH2sOwn() {
        DurableH2Backend backend = DurableH2Backend.open(data.resolve("default.mv.db").toString(), Durability.COMMIT);
        try {
            assertThat(backend.getMvStore().getCacheSize()).isEqualTo(DurableH2Backend.DEFAULT_CACHE_MB).isEqualTo(64);
        } finally {
            backend.getMvStore().close();
        }
    }

    @Test
    void aConfiguredSizeIsApplied() {
        DurableH2Backend backend = DurableH2Backend.open(data.resolve("sized.mv.db").toString(), Durability.COMMIT, 24);
        try {
            assertThat(backend.getMvStore().getCacheSize()).isEqualTo(24);
        } finally {
            backend.getMvStore().close();
        }
    }

    @Test
    void aSizeBelowOneMegabyteIsRefusedWithoutCreatingTheFile() {
        Path file = data.resolve("refused.mv.db");

        assertThatThrownBy(() -> DurableH2Backend.open(file.toString(), Durability.COMMIT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The store's page cache must be at least 1 MB, was 0");
        assertThat(Files.exists(file)).isFalse();
    }
}
