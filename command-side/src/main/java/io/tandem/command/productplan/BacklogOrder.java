package io.tandem.command.productplan;

import io.tandem.command.common.InvalidCommandException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rank order of the open backlog items, positions 1-based. Completed and removed items leave the order; the
 * items below them move up.
 */
class BacklogOrder {

    private final List<String> ranked = new ArrayList<>();

    int size() {
        return ranked.size();
    }

    /** The 1-based position of an open item, 0 when it is not in the order. */
    int positionOf(String itemId) {
        return ranked.indexOf(itemId) + 1;
    }

    /** The open items, top first. */
    List<String> ranked() {
        return List.copyOf(ranked);
    }

    /**
     * The position a new item takes: the requested one, or the bottom when none is requested.
     *
     * @throws InvalidCommandException when the requested position is outside 1..size+1
     */
    int insertionPosition(Integer requested) {
        if (requested == null) {
            return size() + 1;
        }
        if (requested < 1 || requested > size() + 1) {
            throw new InvalidCommandException("position must be between 1 and " + (size() + 1));
        }
        return requested;
    }

    /** @throws InvalidCommandException when {@code position} is outside 1..size */
    void requireMoveTarget(int position) {
        if (position < 1 || position > size()) {
            throw new InvalidCommandException("position must be between 1 and " + size());
        }
    }

    void insert(String itemId, int position) {
        ranked.add(position - 1, itemId);
    }

    void move(String itemId, int toPosition) {
        ranked.remove(itemId);
        ranked.add(toPosition - 1, itemId);
    }

    void remove(String itemId) {
        ranked.remove(itemId);
    }
}
