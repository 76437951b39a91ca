package dev.latchkey.api.users;

/**
 * The answer to a password reset: the link went to {@code sentTo}, the address the user signs in with; a new address
 * waiting for confirmation ({@code pendingEmail}) never gets it.
 */
record PasswordResetJson(long userId, String sentTo, String pendingEmail) {}
