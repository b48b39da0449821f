package nl.classbridge.domain;

/** Where an outgoing message stands in the outbox. */
public enum DeliveryStatus implements Coded {
    /** Waiting for its next attempt (the first one, or a retry after a temporary failure). */
    QUEUED("queued"),
    /** Claimed by a sender; if the process dies now, the nonce or Message-ID stops a double send. */
    SENDING("sending"),
    SENT("sent"),
    /** Failed for good on this channel. */
    FAILED("failed"),
    /** Failed on this channel and given to another (a DM that became an email). */
    HANDED_OFF("handed-off"),
    CANCELLED("cancelled");

    private final String code;

    DeliveryStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean finished() {
        return this != QUEUED && this != SENDING;
    }
}
