package dev.latchkey.mfa;

import java.time.Instant;

/** The answer to "send me a code": sent, or throttled until {@code retryAt}. */
public record SendResult(boolean sent, Instant retryAt) {

    public static SendResult success() {
        return new SendResult(true, null);
    }

    public static SendResult throttledUntil(Instant retryAt) {
        return new SendResult(false, retryAt);
    }
}
