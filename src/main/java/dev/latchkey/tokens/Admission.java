package dev.latchkey.tokens;

import java.time.Duration;

/**
 * Whether a call of an authenticated token may go on: {@code admitted}, or refused by the rate limit until
 * {@code retryAfter}, or refused because the token was revoked meanwhile ({@code revoked}).
 */
public record Admission(boolean admitted, boolean revoked, Duration retryAfter) {

    static Admission admit() {
        return new Admission(true, false, Duration.ZERO);
    }

    static Admission limited(Duration retryAfter) {
        return new Admission(false, false, retryAfter);
    }

    static Admission gone() {
        return new Admission(false, true, Duration.ZERO);
    }
}
