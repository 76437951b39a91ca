package dev.latchkey.users;

/** A user chose their first password through an invitation link, which also confirmed their email address. */
public record InvitationAccepted(long userId, String realm) {}
