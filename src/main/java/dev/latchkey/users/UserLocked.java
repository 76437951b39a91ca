package dev.latchkey.users;

/** An account locked itself after too many consecutive wrong second-factor answers. */
public record UserLocked(long userId) {}
