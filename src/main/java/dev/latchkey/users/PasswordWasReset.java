package dev.latchkey.users;

/** A user chose a new password through a reset link (F-ACCOUNT-1); every session of theirs ends. */
public record PasswordWasReset(long userId, String realm, String ip, String userAgent) {}
