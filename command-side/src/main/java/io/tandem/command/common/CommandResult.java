package io.tandem.command.common;

/**
 * The answer to every command.
 *
 * @param id      the id of the created or affected thing (product, objective, roadmap item, backlog item, feedback,
 *                decision, meeting)
 * @param version the version of the aggregate that handled the command, after the command: the sequence number of
 *                its last event (0-based). A command that changed nothing returns the unchanged current version.
 */
public record CommandResult(String id, long version) {
}
