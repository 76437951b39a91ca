package dev.latchkey.users;

import dev.latchkey.shared.web.ClientInfo;

/**
 * F-ACCOUNT-2: a change of password on the Security page was refused because the current password typed was wrong; it
 * counted against the sign-in throttle. Never carries a password.
 */
public record PasswordChangeRefused(long userId, String realm, ClientInfo client) {}
