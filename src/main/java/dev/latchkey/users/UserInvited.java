package dev.latchkey.users;

/** An invitation link was emailed to a user who has no password yet; {@code actor} is the admin who asked. */
public record UserInvited(long userId, String realm, String actor) {}
