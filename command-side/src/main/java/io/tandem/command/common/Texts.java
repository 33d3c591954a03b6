package io.tandem.command.common;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Shape rules for the texts and ids carried by commands; every violation is an {@link InvalidCommandException}.
 * Titles and ids are short, free texts are bounded and printable, rationales are mandatory where the audit needs them.
 */
public final class Texts {

    /** Maximum length of ids (product, item, user ids). */
    public static final int ID_MAX = 200;
    /** Maximum length of titles and names. */
    public static final int TITLE_MAX = 200;
    /** Maximum length of free texts: vision, description, rationale, feedback text, notes. */
    public static final int TEXT_MAX = 4000;
    /** What a customer reference looks like: letters, digits and {@code _ : -}, at most 100, no spaces or {@code @}. */
    public static final String CUSTOMER_REFERENCE_REGEX = "[A-Za-z0-9][A-Za-z0-9_:-]{0,99}";
    private static final Pattern CUSTOMER_REFERENCE = Pattern.compile(CUSTOMER_REFERENCE_REGEX);

    private Texts() {
    }

    /** A non-blank id of at most {@link #ID_MAX} characters. */
    public static String requireId(String field, String value) {
        return bounded(field, requireNonBlank(field, value), ID_MAX);
    }

    /** A non-blank title of at most {@link #TITLE_MAX} characters. */
    public static String requireTitle(String field, String value) {
        return bounded(field, requireNonBlank(field, value), TITLE_MAX);
    }

    /** A non-blank text of at most {@link #TEXT_MAX} characters. */
    public static String requireText(String field, String value) {
        return bounded(field, requireNonBlank(field, value), TEXT_MAX);
    }

    /** The rationale the audit trail needs: non-blank, at most {@link #TEXT_MAX} characters. */
    public static String requireRationale(String value) {
        return requireText("rationale", value);
    }

    /** An optional text (null stays null) of at most {@link #TEXT_MAX} characters. */
    public static String optionalText(String field, String value) {
        return value == null ? null : bounded(field, value, TEXT_MAX);
    }

    /**
     * A customer reference: a pseudonymous token (letters, digits, {@code _ : -}, at most 100 characters), so that no
     * name or e-mail address can be one.
     */
    public static String requireCustomerReference(String value) {
        if (value == null || !CUSTOMER_REFERENCE.matcher(value).matches()) {
            throw new InvalidCommandException(
                    "customerReference must be a pseudonymous reference, never a name or e-mail address");
        }
        return value;
    }

    /** A mandatory value such as an enum constant. */
    public static <T> T requirePresent(String field, T value) {
        if (value == null) {
            throw new InvalidCommandException(field + " is required");
        }
        return value;
    }

    /** A list of ids, each non-blank; duplicates are dropped, the first occurrence keeps its place. */
    public static List<String> requireIds(String field, List<String> values) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            distinct.add(requireId(field, value));
        }
        return List.copyOf(distinct);
    }

    private static String requireNonBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommandException(field + " must not be blank");
        }
        return value;
    }

    private static String bounded(String field, String value, int max) {
        if (value.length() > max) {
            throw new InvalidCommandException(field + " must be at most " + max + " characters");
        }
        return printable(field, value);
    }

    /**
     * Text that shows what it says: no control characters but tab and line breaks (a NUL or an escape sequence in the
     * audit trail, a CSV export or a terminal), no lone surrogates (not Unicode; no encoding can store them), and no
     * bidi embeddings, overrides or isolates (U+202A–U+202E, U+2066–U+2069), which make a text display other than it
     * reads. Emoji, joiners and every script are fine.
     */
    private static String printable(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r';
            boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
            boolean loneSurrogate = Character.isHighSurrogate(c)
                    ? i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (control || bidi || loneSurrogate) {
                throw new InvalidCommandException(field + " must not contain control characters, bidi overrides or "
                        + "unpaired surrogates (at character " + (i + 1) + ")");
            }
        }
        return value;
    }
}
