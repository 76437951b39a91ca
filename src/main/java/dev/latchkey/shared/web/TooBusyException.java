package dev.latchkey.shared.web;

/**
 * The server cannot take this request now without making it wait without limit (a full hashing queue): answered 429
 * "try again shortly" with {@code Retry-After}, and nothing was changed.
 */
public class TooBusyException extends RuntimeException {

    public TooBusyException(String reason) {
        super(reason, null, false, false);
    }
}
