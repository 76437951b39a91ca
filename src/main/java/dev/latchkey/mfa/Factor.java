package dev.latchkey.mfa;

import java.util.Optional;

/**
 * One second-step method. Storage, verification and the web step are separate: a factor owns the first two, the sign-in
 * module the third.
 */
public interface Factor {

    FactorType type();

    /** Whether the user has what this factor needs (a confirmed email, an enabled authenticator, …). */
    boolean availableFor(FactorSubject subject);

    /** Whether the factor sends a code (email, SMS) and so has a Resend action. */
    default boolean sendsCode() {
        return false;
    }

    /** Starts a challenge: sends a code, replacing any earlier one of this login. Throttled per user. */
    default SendResult send(FactorSubject subject) {
        return SendResult.success();
    }

    /** Where the code of this login stands, for code-sending factors (always present for them). */
    default Optional<CodeChallenge> challenge(FactorSubject subject) {
        return Optional.empty();
    }

    /** Checks an answer; single use by construction. */
    Verification verify(FactorSubject subject, String answer);

    /** Where the code went, masked for display (e.g. {@code a•••e@acme.test}); empty for app-based factors. */
    default String maskedDestination(FactorSubject subject) {
        return "";
    }
}
