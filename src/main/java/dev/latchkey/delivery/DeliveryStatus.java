package dev.latchkey.delivery;

/** How delivery of one referenced message stands, for the code page. */
public enum DeliveryStatus {
    /** Queued, not yet tried. */
    QUEUED,
    /** Handed to the mail server or SMS provider. */
    SENT,
    /** The last try failed; another try is scheduled. */
    RETRYING,
    /** Every try failed; no more will be made. */
    FAILED,
    /** Taken back before it was tried, because a newer message replaced it: never sent. */
    WITHDRAWN,
    /** No such message. */
    UNKNOWN;

    public boolean failing() {
        return this == RETRYING || this == FAILED;
    }
}
