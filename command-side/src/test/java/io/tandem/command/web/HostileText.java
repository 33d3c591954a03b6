package io.tandem.command.web;

import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Unicode that breaks naive code: controls, lone surrogates, bidi overrides, zero-width, emoji, injections. */
final class HostileText {

    /** Never acceptable in a title or text: NUL and other controls, lone surrogates, bidi embeddings and overrides. */
    static final String[] UNPRINTABLE = {"\u0000", "\u0001", "\u0008", "\u000b", "\u001b[31m", "\u007f", "\u0085",
            "\u009b", "\ud800", "\udfff", "\ud83d", "\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2069"};

    /** Acceptable in free text, but never in an enum value, an id pattern or a header. */
    static final String[] PRINTABLE = {"\u200b", "\u200d", "\ufeff", "\ud83d\ude00", "\ud83d\udc69\u200d\ud83d\udcbb",
            "e\u0301", "\u03a9", "\u0627\u0644", "\u3042", " ", "\t", "\r\n", "%00", "'; DROP TABLE events; --",
            "{\"$ne\":null}", "$where", "${jndi:ldap://x/a}", "../../etc/passwd", "<script>alert(1)</script>",
            "\\u0000", "\"", "\\"};

    private HostileText() {
    }

    static Arbitrary<String> unprintable() {
        return Arbitraries.of(UNPRINTABLE);
    }

    static Arbitrary<String> characters() {
        return Arbitraries.oneOf(unprintable(), Arbitraries.of(PRINTABLE));
    }

    /** A readable description: every character outside printable ASCII as U+XXXX. */
    static String describe(String text) {
        return text.chars().mapToObj(c -> c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("U+%04X", c)).collect(Collectors.joining());
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
