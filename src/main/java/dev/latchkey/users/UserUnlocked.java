package dev.latchkey.users;

/** An admin unlocked a user locked after too many wrong second-factor answers. */
public record UserUnlocked(long userId, String actor) {}
