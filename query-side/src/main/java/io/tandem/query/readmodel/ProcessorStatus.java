package io.tandem.query.readmodel;

/**
 * A query-side processor and its read model, for operators.
 *
 * @param generation the read model generation answering queries
 * @param rebuild    the last rebuild on this node since it started, null when none
 */
public record ProcessorStatus(String name, boolean running, boolean replaying, boolean error, int generation,
                              RebuildProgress rebuild) {
}
