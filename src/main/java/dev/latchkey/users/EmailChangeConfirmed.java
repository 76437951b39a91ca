package dev.latchkey.users;

/**
 * A user confirmed a new email address from the link sent there, with their password: it is their login now, and the
 * address they had before was told.
 */
public record EmailChangeConfirmed(long userId, String realm) {}
