package io.tandem.query.dashboard;

import java.util.List;

/**
 * One alignment metric.
 *
 * @param value       the value (a share 0..1, a count, hours or points, see {@code unit}); null when there is no
 *                    data (triage latency without triaged feedback)
 * @param unit        {@code share}, {@code items}, {@code hours} or {@code points}
 * @param formula     how it is computed, in words
 * @param calculation the formula with this moment's numbers
 * @param itemIds     the items that make the value (covered, orphaned or misaligned items); empty otherwise
 */
public record MetricView(Double value, String unit, String formula, String calculation, List<String> itemIds) {
}
