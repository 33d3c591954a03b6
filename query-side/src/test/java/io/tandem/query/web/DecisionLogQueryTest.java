package io.tandem.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DecisionLogQueryTest {

    @Test
    void withoutParametersListsEverythingFiftyAtATime() {
        DecisionLogQuery query = DecisionLogQuery.parse(null, null, null, null, null, null, null, null);

        assertThat(query.limit()).isEqualTo(50);
        assertThat(query.after()).isNull();
        assertThat(query.filter().actor()).isNull();
        assertThat(query.filter().from()).isNull();
    }

    @Test
    void readsEveryFilterAndTheCursor() {
        DecisionLogQuery query = DecisionLogQuery.parse("po", "product_owner", "BacklogItemReprioritized", "item-1",
                "2026-03-01T09:30:00Z", "2026-03-02T10:00:00+01:00", "41", "500");

        assertThat(query.filter().actor()).isEqualTo("po");
        assertThat(query.filter().role()).isEqualTo("PRODUCT_OWNER");
        assertThat(query.filter().type()).isEqualTo("BacklogItemReprioritized");
        assertThat(query.filter().itemId()).isEqualTo("item-1");
        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
        assertThat(query.filter().to()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(query.after()).isEqualTo(41L);
        assertThat(query.limit()).isEqualTo(500);
    }

    @Test
    void aDateAsUpperBoundIncludesThatWholeDay() {
        DecisionLogQuery query = DecisionLogQuery.parse(null, null, null, null, "2026-03-01", "2026-03-01", null,
                null);

        assertThat(query.filter().from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(query.filter().to()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
    }

    @Test
    void refusesEveryBadParameterAtOnce() {
        assertThatThrownBy(() -> DecisionLogQuery.parse("x".repeat(201), "KING", null, null, "yesterday",
                "2026-13-01", "-1", "501"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.get("field"))
                        .containsExactlyInAnyOrder("actor", "role", "from", "to", "after", "limit"));
    }

    @Test
    void refusesALimitBelowOneAndATimeRangeBackwards() {
        assertThatThrownBy(() -> DecisionLogQuery.parse(null, null, null, null, "2026-03-02", "2026-03-01", "abc",
                "0"))
                .isInstanceOfSatisfying(InvalidQueryException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.get("field"))
                        .containsExactlyInAnyOrder("from", "after", "limit"));
    }
}
