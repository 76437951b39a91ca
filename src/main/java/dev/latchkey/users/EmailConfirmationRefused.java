package dev.latchkey.users;

/**
 * A confirmation link of a pending email address was used with a wrong password, or after its tries ran out. The
 * pending address did not become the login. {@code reason} is {@code WRONG_PASSWORD} or {@code TRIES_SPENT}.
 */
public record EmailConfirmationRefused(long userId, String realm, String reason) {}
