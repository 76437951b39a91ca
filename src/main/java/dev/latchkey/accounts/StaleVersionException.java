package dev.latchkey.accounts;

/**
 * The row changed since the caller read it: the version they expected is not the current one. Nothing was changed. The
 * API answers 412 Precondition Failed.
 */
public class StaleVersionException extends RuntimeException {

    public StaleVersionException() {
        super("the row changed since it was read");
    }
}
