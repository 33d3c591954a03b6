package io.tandem.command.productplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tandem.command.common.InvalidCommandException;
import org.junit.jupiter.api.Test;

class BacklogOrderTest {

    private final BacklogOrder order = orderOf("a", "b", "c");

    @Test
    void newItemGoesToTheBottomWhenNoPositionIsRequested() {
        assertThat(order.insertionPosition(null)).isEqualTo(4);
    }

    @Test
    void newItemMayGoAnywhereFromTheTopToJustBelowTheBottom() {
        assertThat(order.insertionPosition(1)).isEqualTo(1);
        assertThat(order.insertionPosition(4)).isEqualTo(4);
        assertThatThrownBy(() -> order.insertionPosition(0)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> order.insertionPosition(5)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void insertingShiftsTheItemsBelowDown() {
        order.insert("x", 2);

        assertThat(order.ranked()).containsExactly("a", "x", "b", "c");
        assertThat(order.positionOf("b")).isEqualTo(3);
    }

    @Test
    void movingUpShiftsTheItemsInBetweenDown() {
        order.move("c", 1);

        assertThat(order.ranked()).containsExactly("c", "a", "b");
    }

    @Test
    void movingDownShiftsTheItemsInBetweenUp() {
        order.move("a", 3);

        assertThat(order.ranked()).containsExactly("b", "c", "a");
    }

    @Test
    void moveTargetMustBeAnExistingPosition() {
        order.requireMoveTarget(1);
        order.requireMoveTarget(3);
        assertThatThrownBy(() -> order.requireMoveTarget(0)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> order.requireMoveTarget(4)).isInstanceOf(InvalidCommandException.class);
    }

    @Test
    void removedItemLeavesTheOrderAndTheItemsBelowMoveUp() {
        order.remove("a");

        assertThat(order.ranked()).containsExactly("b", "c");
        assertThat(order.positionOf("c")).isEqualTo(2);
        assertThat(order.positionOf("a")).isZero();
    }

    private static BacklogOrder orderOf(String... ids) {
        BacklogOrder order = new BacklogOrder();
        for (String id : ids) {
            order.insert(id, order.size() + 1);
        }
        return order;
    }
}
