package io.tandem.system;

import io.tandem.system.StoredEventLog.StoredEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Matches requests with the events they appended, by a key both carry (the correlation id or the idempotency key,
 * which the command side copies into every event's metadata): an accepted request must have exactly one event, a
 * rejected one none, and no event may belong to no request.
 *
 * @param lost               accepted requests without their event
 * @param duplicated         events beyond the first of an accepted request
 * @param appendedByRejected events of requests that were refused
 * @param unclaimed          events whose key names no request
 * @param checked            events matched
 */
record ExactlyOnceAudit(List<String> lost, List<String> duplicated, List<String> appendedByRejected,
                        List<String> unclaimed, int checked) {

    /** A request by its key, and whether its (last) answer accepted it. */
    record Request(String key, boolean accepted) {
    }

    static ExactlyOnceAudit of(Collection<Request> requests, Collection<StoredEvent> events,
            Function<StoredEvent, String> keyOfEvent) {
        Map<String, List<StoredEvent>> byKey = new HashMap<>();
        List<String> unclaimed = new ArrayList<>();
        Map<String, Boolean> accepted = new HashMap<>();
        requests.forEach(r -> accepted.put(r.key(), r.accepted()));
        for (StoredEvent event : events) {
            String key = keyOfEvent.apply(event);
            if (key == null || !accepted.containsKey(key)) {
                unclaimed.add(event.position() + " " + event.simpleType() + " key=" + key);
            } else {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
            }
        }
        List<String> lost = new ArrayList<>();
        List<String> duplicated = new ArrayList<>();
        List<String> appendedByRejected = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Boolean> request : accepted.entrySet()) {
            List<StoredEvent> appended = byKey.getOrDefault(request.getKey(), List.of());
            checked += appended.size();
            if (!request.getValue()) {
                appended.forEach(e -> appendedByRejected.add(request.getKey() + " -> " + e.position()));
            } else if (appended.isEmpty()) {
                lost.add(request.getKey());
            } else {
                appended.stream().skip(1).forEach(e -> duplicated.add(request.getKey() + " -> " + e.position()));
            }
        }
        return new ExactlyOnceAudit(lost, duplicated, appendedByRejected, unclaimed, checked);
    }

    boolean clean() {
        return lost.isEmpty() && duplicated.isEmpty() && appendedByRejected.isEmpty() && unclaimed.isEmpty();
    }
}
