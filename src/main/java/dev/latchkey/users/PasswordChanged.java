package dev.latchkey.users;

import dev.latchkey.shared.web.ClientInfo;

/**
 * F-ACCOUNT-2: a signed-in user changed their own password on the Security page. {@code signedOutOthers}: they asked to
 * end their other sessions; {@code endedSessions}: how many of their other sessions (and half-finished sign-ins) ended
 * with the change; {@code client}: where it came from. Never carries a password.
 */
public record PasswordChanged(
        long userId, String realm, boolean signedOutOthers, int endedSessions, ClientInfo client) {}
