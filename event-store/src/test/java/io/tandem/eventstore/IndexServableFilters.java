package io.tandem.eventstore;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import java.util.List;
import java.util.Set;

/**
 * The rule of mongo-java-server's {@code AbstractUniqueIndex.canHandle}: a filter is served from an index only when
 * its keys are exactly the keys of one unique index and each value is a plain value, or (single-key index only) a
 * document whose only operator is {@code $in}. Everything else is a scan of the whole collection.
 */
final class IndexServableFilters {

    private IndexServableFilters() {
    }

    static boolean servable(BsonDocument filter, List<Set<String>> uniqueIndexKeys) {
        return uniqueIndexKeys.stream().anyMatch(keys -> servableBy(filter, keys));
    }

    private static boolean servableBy(BsonDocument filter, Set<String> indexKeys) {
        if (!filter.keySet().equals(indexKeys)) {
            return false;
        }
        for (BsonValue value : filter.values()) {
            if (value.isDocument()) {
                BsonDocument operators = value.asDocument();
                boolean onlyIn = operators.keySet().equals(Set.of("$in"));
                if (indexKeys.size() > 1 || !onlyIn) {
                    return false;
                }
            }
        }
        return true;
    }
}
