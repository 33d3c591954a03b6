package io.tandem.query.dashboard;

/**
 * The last sequence number of an aggregate the dashboard has applied, and the global position of that event (0 in
 * states stored before positions were kept).
 */
record SequenceMark(String aggregateId, long sequence, long position) {
}
