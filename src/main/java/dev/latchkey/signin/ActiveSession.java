package dev.latchkey.signin;

import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ReadableTime;
import java.time.Instant;

/**
 * A signed-in session of a user (F-ADMIN-2 for the admin, F-ACCOUNT-4 for the user): when it signed in, when it was
 * last used, when it ends if it stays idle, the browser and address it signed in from (null when it signed in before
 * they were kept), and whether it is the session of the request asking.
 *
 * <p>{@code handle} names the session in pages and forms instead of its id, which is the session's bearer token: see
 * {@link Sessions#handle}.
 */
public record ActiveSession(
        String handle,
        Instant startedAt,
        Instant lastActiveAt,
        Instant idleUntil,
        String ip,
        BrowserSummary browser,
        boolean current) {

    /** When it signed in, as pages show a time ({@code <time class="local-time">}). */
    public ReadableTime started() {
        return ReadableTime.of(startedAt);
    }

    /** When it was last used, as pages show a time. */
    public ReadableTime lastActive() {
        return ReadableTime.of(lastActiveAt);
    }

    /** When it ends if it stays idle, as pages show a time. */
    public ReadableTime endsIfIdle() {
        return ReadableTime.of(idleUntil);
    }
}
