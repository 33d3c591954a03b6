package io.tandem.query.readmodel;

/** The read model is already being rebuilt. */
public class RebuildConflictException extends RuntimeException {

    RebuildConflictException(String name) {
        super("The read model of " + name + " is already being rebuilt; follow its progress on "
                + "GET /api/admin/processors.");
    }
}
