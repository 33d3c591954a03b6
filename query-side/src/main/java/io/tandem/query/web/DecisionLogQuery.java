package io.tandem.query.web;

import io.tandem.events.Role;
import io.tandem.query.decisions.DecisionLogFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The query parameters of the decision log, checked: filters, a cursor ({@code after}: the last global position the
 * caller has seen) and a page size.
 */
public record DecisionLogQuery(DecisionLogFilter filter, Long after, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int MAX_TEXT = 200;

    /** Parses the raw parameters (each may be null); collects every problem before refusing. */
    static DecisionLogQuery parse(String actor, String role, String type, String item, String from, String to,
            String after, String limit) {
        var errors = new ArrayList<Map<String, String>>();
        DecisionLogFilter filter = filter(actor, role, type, item, from, to, errors);
        Long afterValue = parse("after", after, errors, Long::valueOf, "must be a global position (0 or more)");
        if (afterValue != null && afterValue < 0) {
            errors.add(error("after", "must be a global position (0 or more)"));
        }
        Integer limitValue = parse("limit", limit, errors, Integer::valueOf,
                "must be a whole number from 1 to " + MAX_LIMIT);
        if (limitValue != null && (limitValue < 1 || limitValue > MAX_LIMIT)) {
            errors.add(error("limit", "must be a whole number from 1 to " + MAX_LIMIT));
        }
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return new DecisionLogQuery(filter, afterValue, limitValue == null ? DEFAULT_LIMIT : limitValue);
    }

    /**
     * Parses only the filter parameters of the decision log, exactly as the list does (for the audit export).
     *
     * @throws InvalidQueryException (400 validation problem) listing every invalid parameter
     */
    public static DecisionLogFilter parseFilter(DecisionLogFilterParameters p) {
        return parseFilter(p.actor(), p.role(), p.type(), p.item(), p.from(), p.to());
    }

    static DecisionLogQuery parse(DecisionLogFilterParameters p, String after, String limit) {
        return parse(p.actor(), p.role(), p.type(), p.item(), p.from(), p.to(), after, limit);
    }

    public static DecisionLogFilter parseFilter(String actor, String role, String type, String item, String from,
            String to) {
        var errors = new ArrayList<Map<String, String>>();
        DecisionLogFilter filter = filter(actor, role, type, item, from, to, errors);
        if (!errors.isEmpty()) {
            throw new InvalidQueryException(errors);
        }
        return filter;
    }

    private static DecisionLogFilter filter(String actor, String role, String type, String item, String from,
            String to, List<Map<String, String>> errors) {
        String actorValue = text("actor", actor, errors);
        Role roleValue = parse("role", role, errors, value -> Role.valueOf(value.toUpperCase(Locale.ROOT)),
                "must be one of " + Arrays.toString(Role.values()));
        String typeValue = text("type", type, errors);
        String itemValue = text("item", item, errors);
        Instant fromValue = parse("from", from, errors, value -> instant(value, false),
                "must be an ISO-8601 instant (2026-03-01T09:30:00Z) or date (2026-03-01)");
        Instant toValue = parse("to", to, errors, value -> instant(value, true),
                "must be an ISO-8601 instant (2026-03-01T09:30:00Z) or date (2026-03-01: up to its end)");
        if (fromValue != null && toValue != null && !fromValue.isBefore(toValue)) {
            errors.add(error("from", "must be before 'to'"));
        }
        return new DecisionLogFilter(actorValue, roleValue == null ? null : roleValue.name(), typeValue, itemValue,
                fromValue, toValue);
    }

    private static String text(String name, String value, List<Map<String, String>> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(error(name, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        return value.strip();
    }

    private static <T> T parse(String name, String value, List<Map<String, String>> errors,
            Function<String, T> parser, String message) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(error(name, message));
            return null;
        }
    }

    /**
     * An instant or offset date-time, or a date (UTC): its start, or for the exclusive upper bound the start of the
     * next day, so that {@code to=2026-03-01} includes that whole day.
     */
    private static Instant instant(String value, boolean upperBound) {
        if (value.length() == 10) {
            LocalDate date = LocalDate.parse(value);
            return (upperBound ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value).toInstant();
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
