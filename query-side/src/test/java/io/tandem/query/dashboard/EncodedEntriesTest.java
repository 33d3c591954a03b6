package io.tandem.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Each entry object is converted once while remembered; entries no longer live are forgotten in time. */
class EncodedEntriesTest {

    private final List<Object> converted = new ArrayList<>();
    private final Function<Object, Object> convert = entry -> {
        converted.add(entry);
        return "stored " + entry;
    };

    @Test
    void convertsAnEntryOnceAndAnEqualEntryThatIsAnotherObjectAgain() {
        EncodedEntries entries = new EncodedEntries();
        FeedbackLink link = new FeedbackLink("f1", "r1");

        Object first = entries.of(link, convert);
        Object again = entries.of(link, convert);
        entries.of(new FeedbackLink("f1", "r1"), convert);

        assertThat(first).isEqualTo("stored FeedbackLink[feedbackId=f1, itemId=r1]");
        assertThat(again).isSameAs(first);
        assertThat(converted).hasSize(2);
    }

    @Test
    void forgetsEntriesThatAreNoLongerLiveOnceThereAreTwiceAsManyAsLive() {
        EncodedEntries entries = new EncodedEntries();
        List<Object> live = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            FeedbackLink link = new FeedbackLink("f" + i, "r");
            entries.of(link, convert);
            if (i % 4 == 0) {
                live.add(link);
            }
        }

        entries.keepOnly(live.size(), () -> live);
        entries.of(live.get(0), convert);

        assertThat(entries.size()).isEqualTo(10);
        assertThat(converted).hasSize(40);
        entries.keepOnly(live.size(), () -> {
            throw new AssertionError("10 known, 10 live: nothing to forget, so the live entries are not needed");
        });
        assertThat(entries.size()).isEqualTo(10);
    }
}
