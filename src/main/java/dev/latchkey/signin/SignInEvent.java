package dev.latchkey.signin;

import dev.latchkey.shared.web.ClientInfo;

/**
 * Every step of a sign-in, in the past tense, for the audit log and notifications. Never carries a password or code.
 * {@code username} is what was typed (password step) or the user's email.
 */
public sealed interface SignInEvent {

    String realm();

    String username();

    ClientInfo client();

    /** The password was right. */
    record PasswordStepSucceeded(String realm, long userId, String username, ClientInfo client)
            implements SignInEvent {}

    /** Unknown user, wrong password or locked account: told apart only in the audit log. */
    record PasswordStepFailed(String realm, String username, ClientInfo client) implements SignInEvent {}

    record SecondFactorPassed(String realm, long userId, String username, String factor, ClientInfo client)
            implements SignInEvent {}

    /** {@code purpose} is null at sign-in, else what the proof was for (a step-up, a change on the Security page). */
    record SecondFactorFailed(
            String realm, long userId, String username, String factor, String reason, String purpose, ClientInfo client)
            implements SignInEvent {}

    /** The session is signed in; {@code factor} is the second factor used, or null for password only. */
    record SignedIn(String realm, long userId, String username, String factor, ClientInfo client)
            implements SignInEvent {}

    record SignedOut(String realm, long userId, String username, ClientInfo client) implements SignInEvent {}
}
