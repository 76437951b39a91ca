package dev.latchkey.users;

/**
 * The organisation changed a user's email address (their username) or phone (F-CONTACT-2). Carries no values, only
 * what changed, so it can be audited without copying personal data.
 */
public record ContactDetailsChanged(long userId, String realm, boolean emailChanged, boolean phoneChanged, String actor) {}
