package io.tandem.eventstore.embedded;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's {@link ObjectDataType} for the store's own maps (index keys, documents), telling a committing thread when H2
 * starts writing pages: it has taken the state of every map by then, so writes may go on ({@link WriteSerializer}).
 */
abstract class SnapshotSignallingType extends ObjectDataType {

    /** H2 writes a page's keys or values here, after its commit took the state of every map. */
    @Override
    public final void write(WriteBuffer buffer, Object storage, int length) {
        WriteSerializer.snapshotTaken();
        super.write(buffer, storage, length);
    }
}
