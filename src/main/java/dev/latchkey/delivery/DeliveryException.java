package dev.latchkey.delivery;

/** A provider refused or could not be reached; {@code retryable} is false for errors no retry can fix. */
class DeliveryException extends Exception {

    private final boolean retryable;

    DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
