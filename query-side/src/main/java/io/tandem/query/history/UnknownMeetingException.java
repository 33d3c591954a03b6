package io.tandem.query.history;

/** A point in history names a sync meeting the product did not hold. */
public class UnknownMeetingException extends RuntimeException {

    private final String meetingId;

    public UnknownMeetingException(String productId, String meetingId) {
        super("Product " + productId + " held no sync meeting " + meetingId + ".", null, false, false);
        this.meetingId = meetingId;
    }

    public String meetingId() {
        return meetingId;
    }
}
