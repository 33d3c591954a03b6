package io.tandem.eventstore;

import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.BsonDocument;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records what a tracking reader received, and checks it afterwards against what writers committed: every committed
 * event exactly once, nothing else, each aggregate in sequence order, and every event either beyond the token the
 * reader held when it arrived or one of that token's gaps (so out-of-order arrivals are only late gap fills).
 */
final class TrackedStreamAudit {

    private record Receipt(String eventIdentifier, GapAwareTrackingToken tokenBefore, String aggregate,
                           long sequenceNumber) {
    }

    private final List<Receipt> receipts = new ArrayList<>();
    private volatile GapAwareTrackingToken lastToken;

    synchronized void received(TrackedEventMessage<?> message) {
        String aggregate = message instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null;
        long sequenceNumber = message instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : -1;
        receipts.add(new Receipt(message.getIdentifier(), lastToken, aggregate, sequenceNumber));
        lastToken = (GapAwareTrackingToken) message.trackingToken();
    }

    GapAwareTrackingToken lastToken() {
        return lastToken;
    }

    synchronized int count() {
        return receipts.size();
    }

    /** Problems found, empty when the stream was right. Positions are looked up in the events collection. */
    synchronized List<String> problems(Set<String> committed, MongoCollection<BsonDocument> events) {
        Map<String, Long> positions = new HashMap<>();
        events.find().forEach(document -> {
            if (!EventDocuments.isVoid(document)) {
                positions.put(document.getString(EventDocuments.EVENT_IDENTIFIER).getValue(),
                              EventDocuments.position(document));
            }
        });
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        for (Receipt receipt : receipts) {
            if (!seen.add(receipt.eventIdentifier())) {
                problems.add("received twice: " + receipt.eventIdentifier());
            }
            if (!committed.contains(receipt.eventIdentifier())) {
                problems.add("received but never committed: " + receipt.eventIdentifier());
            }
            long position = positions.getOrDefault(receipt.eventIdentifier(), -1L);
            GapAwareTrackingToken before = receipt.tokenBefore();
            if (before != null && position <= before.getIndex() && !before.getGaps().contains(position)) {
                problems.add("position " + position + " arrived out of order, not as a gap of " + before);
            }
            if (receipt.aggregate() != null) {
                Long previous = lastSequence.put(receipt.aggregate(), receipt.sequenceNumber());
                if (previous != null && previous >= receipt.sequenceNumber()) {
                    problems.add(receipt.aggregate() + " sequence " + receipt.sequenceNumber() + " after " + previous);
                }
            }
        }
        committed.stream().filter(id -> !seen.contains(id))
                 .forEach(id -> problems.add("skipped: " + id + " at position " + positions.get(id)));
        return problems;
    }
}
