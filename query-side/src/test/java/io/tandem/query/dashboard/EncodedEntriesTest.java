package io.tandem.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each entry is converted once while remembered; equal entries share one stored form; the least recently used go. */
class EncodedEntriesTest {

    private final List<Object> converted = new ArrayList<>();
    private final Function<Object, Object> convert = entry -> {
        converted.add(entry);
        return "stored " + entry;
    };

    @Test
    void convertsAnEntryOnceAndEqualEntriesShareItsStoredForm() {
        EncodedEntries entries = new EncodedEntries(10);

        Object first = entries.of(new FeedbackLink("f1", "r1"), convert);
        Object again = entries.of(new FeedbackLink("f1", "r1"), convert);

        assertThat(first).isEqualTo("stored FeedbackLink[feedbackId=f1, itemId=r1]");
        assertThat(again).isSameAs(first);
        assertThat(converted).hasSize(1);
    }

    @Test
    void forgetsTheLeastRecentlyUsedBeyondItsCapacity() {
        EncodedEntries entries = new EncodedEntries(2);
        entries.of("a", convert);
        entries.of("b", convert);
        entries.of("a", convert);
        entries.of("c", convert); // b is the least recently used

        entries.of("a", convert);
        entries.of("b", convert);

        assertThat(converted).containsExactly("a", "b", "c", "b");
        assertThat(entries.size()).isEqualTo(2);
    }
}
