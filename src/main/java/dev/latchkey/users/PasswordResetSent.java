package dev.latchkey.users;

/** An admin sent a user a single-use link to choose a new password. */
public record PasswordResetSent(long userId, String realm, String actor) {}
