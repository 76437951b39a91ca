package dev.latchkey.users;

/** An admin set or cleared a user's "2FA required" flag. */
public record MfaRequirementChanged(long userId, boolean required, String actor) {}
