package dev.latchkey.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;

/** How a throttled answer says when to come back: {@code Retry-After} in whole seconds, pages in whole minutes. */
public final class RetryAfter {

    private RetryAfter() {}

    /** Sets {@code Retry-After} to the seconds from {@code now} until {@code until}, at least 1; answers them. */
    public static long set(HttpServletResponse response, Instant now, Instant until) {
        return set(response, Duration.between(now, until));
    }

    /** Sets {@code Retry-After} to the seconds of {@code wait}, at least 1; answers them. */
    public static long set(HttpServletResponse response, Duration wait) {
        long seconds = seconds(wait);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return seconds;
    }

    /** The whole seconds of a wait, at least 1. */
    public static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds());
    }

    /** The whole minutes of a wait, rounded up, at least 1: what a page tells a person. */
    public static long minutes(Duration wait) {
        return (seconds(wait) + 59) / 60;
    }
}
