package dev.latchkey.signin;

import java.time.Instant;

/**
 * A signed-in session of a user, as an admin sees it (issue 15): when it began (its last sign-in or step-up, each
 * of which starts a new session), when it was last used, and when it ends if it stays idle.
 */
public record ActiveSession(Instant startedAt, Instant lastActiveAt, Instant idleUntil) {}
