package dev.latchkey.users;

/**
 * An account was locked: by itself after too many consecutive wrong second-factor answers ({@code actor} null), or by
 * an admin.
 */
public record UserLocked(long userId, String actor) {}
