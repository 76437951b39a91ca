package dev.latchkey.users;

/**
 * Someone asked for a password reset link on a sign-in page (F-ACCOUNT-1). {@code userId} is null when no user of the
 * realm has the typed address; {@code refusal} says why no link went out to an existing user ("throttled"), or is null
 * when one did. Never carries the link.
 */
public record PasswordResetRequested(
        String realm, Long userId, String typedEmail, String ip, String userAgent, String refusal) {}
