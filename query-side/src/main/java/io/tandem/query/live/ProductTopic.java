package io.tandem.query.live;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One of a product's live topics: {@code /topic/products/{productId}/(dashboard|decisions|alerts|presence)}. */
record ProductTopic(String productId, Kind kind) {

    /** What a topic carries. */
    enum Kind {
        DASHBOARD, DECISIONS, ALERTS, PRESENCE;

        String segment() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern DESTINATION =
            Pattern.compile("/topic/products/([A-Za-z0-9_.:-]{1,200})/(dashboard|decisions|alerts|presence)");

    /** The topic a destination names, if it is one of the product topics. */
    static Optional<ProductTopic> parse(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher matcher = DESTINATION.matcher(destination);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ProductTopic(matcher.group(1), Kind.valueOf(matcher.group(2).toUpperCase(Locale.ROOT))));
    }

    static ProductTopic of(String productId, Kind kind) {
        return new ProductTopic(productId, kind);
    }

    String destination() {
        return "/topic/products/" + productId + "/" + kind.segment();
    }
}
