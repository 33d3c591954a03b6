package io.tandem.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void rejectsBlankTitles() {
        assertThatThrownBy(() -> Texts.requireTitle("title", " ")).isInstanceOf(InvalidCommandException.class)
                .hasMessage("title must not be blank");
        assertThatThrownBy(() -> Texts.requireTitle("title", null)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void boundsTitlesAndTexts() {
        assertThat(Texts.requireTitle("title", "x".repeat(Texts.TITLE_MAX))).hasSize(Texts.TITLE_MAX);
        assertThatThrownBy(() -> Texts.requireTitle("title", "x".repeat(Texts.TITLE_MAX + 1)))
                .isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> Texts.optionalText("notes", "x".repeat(Texts.TEXT_MAX + 1)))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void optionalTextMayBeMissing() {
        assertThat(Texts.optionalText("notes", null)).isNull();
    }

    @Test
    void rationaleIsRequired() {
        assertThatThrownBy(() -> Texts.requireRationale("")).isInstanceOf(InvalidCommandException.class)
                .hasMessage("rationale must not be blank");
    }

    @Test
    void idListsDropDuplicatesAndRejectBlankEntries() {
        assertThat(Texts.requireIds("ids", Arrays.asList("b", "a", "b"))).containsExactly("b", "a");
        assertThatThrownBy(() -> Texts.requireIds("ids", Arrays.asList("a", null)))
                .isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void refusesControlCharactersBidiOverridesAndLoneSurrogatesButKeepsEmojiAndLineBreaks() {
        for (String hostile : new String[] {"\u0000", "\u001b[2J", "\u007f", "\u0085", "\u202e", "\u2066", "\ud800",
                "\udfff", "x\ud83d"}) {
            assertThatThrownBy(() -> Texts.requireTitle("title", "Plan" + hostile))
                    .as(hostile).isInstanceOf(InvalidCommandException.class).hasMessageContaining("control characters");
            assertThatThrownBy(() -> Texts.requireId("id", hostile + "a")).isInstanceOf(InvalidCommandException.class);
        }
        assertThat(Texts.requireText("text", "Line one\r\nline\ttwo \ud83d\ude00 \u200b\u05d0")).startsWith("Line one");
    }
}
