package io.tandem.query.dashboard;

/** The last sequence number of an aggregate the dashboard has applied. */
record SequenceMark(String aggregateId, long sequence) {
}
