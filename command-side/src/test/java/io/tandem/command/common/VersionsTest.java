package io.tandem.command.common;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void acceptsTheCurrentVersion() {
        assertThatCode(() -> Versions.requireCurrent(3L, 3L)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAnyStateWhenNoVersionIsExpected() {
        assertThatCode(() -> Versions.requireCurrent(null, 3L)).doesNotThrowAnyException();
        assertThatCode(() -> Versions.requireCurrent(null, null)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAnOlderVersion() {
        assertThatThrownBy(() -> Versions.requireCurrent(2L, 3L)).isInstanceOf(StaleVersionException.class)
                .hasMessage("expected version 2 but the current version is 3");
    }

    @Test
    void rejectsAnyVersionBeforeTheAggregateExists() {
        assertThatThrownBy(() -> Versions.requireCurrent(0L, null)).isInstanceOf(StaleVersionException.class);
    }
}
