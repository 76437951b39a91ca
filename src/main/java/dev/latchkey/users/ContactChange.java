package dev.latchkey.users;

/**
 * What {@link ContactChanges#apply} did: the user as they are now; {@code confirmationSent} when a new address waits
 * for the user's confirmation ({@link UserView#pendingEmail()}) and a link went there; {@code invitationResent} when
 * the address of a user without password changed and a new invitation went to it.
 */
public record ContactChange(UserView user, boolean confirmationSent, boolean invitationResent) {}
