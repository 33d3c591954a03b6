package io.tandem.query.decisions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What one event says in the log, before the actor is put in front of it.
 *
 * @param itemId    the item the decision is about
 * @param phrase    the decision in words without its subject, e.g. {@code rescheduled "One-click pay" from NEXT to NOW}
 * @param before    the item's value before
 * @param after     the item's value after
 * @param rationale why
 * @param itemIds   every item the decision concerns (the item first, then related items), for item timelines
 */
record Description(String itemId, String phrase, String before, String after, String rationale,
                   List<String> itemIds) {

    static Description of(String itemId, String phrase, String before, String after, String rationale,
                          String... related) {
        return of(itemId, phrase, before, after, rationale, Arrays.asList(related));
    }

    static Description of(String itemId, String phrase, String before, String after, String rationale,
                          List<String> related) {
        List<String> ids = new ArrayList<>();
        if (itemId != null) {
            ids.add(itemId);
        }
        related.stream().filter(Objects::nonNull).filter(id -> !ids.contains(id)).forEach(ids::add);
        return new Description(itemId, phrase, before, after, rationale, List.copyOf(ids));
    }

    /** The title of an item in quotes, or {@code item <id>} when it is not known. */
    static String titled(ItemLookup items, String itemId) {
        String title = items.title(itemId);
        return title == null ? "item " + itemId : quoted(title);
    }

    static String titleOrId(ItemLookup items, String itemId) {
        if (itemId == null) {
            return null;
        }
        String title = items.title(itemId);
        return title == null ? itemId : title;
    }

    static String quoted(String text) {
        return "\"" + text + "\"";
    }

    /** A long text (vision, feedback) in quotes, shortened by {@link DecisionDescriptions#summary(String)}. */
    static String quotedSummary(String text) {
        return quoted(DecisionDescriptions.summary(text));
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
