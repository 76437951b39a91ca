package dev.latchkey.mfa;

import java.time.Instant;

/**
 * The answer to "send me a code": sent (a new code is made; its message goes out at {@code sendsAt}, now or when the
 * resend interval ends), or throttled until {@code retryAt}.
 */
public record SendResult(boolean sent, Instant retryAt, Instant sendsAt) {

    public static SendResult success() {
        return new SendResult(true, null, null);
    }

    /** A code is made; its message waits in the outbox until {@code at}. */
    public static SendResult goesOutAt(Instant at) {
        return new SendResult(true, null, at);
    }

    public static SendResult throttledUntil(Instant retryAt) {
        return new SendResult(false, retryAt, null);
    }
}
