package dev.latchkey.mfa;

/** The result of checking one answer. {@code attemptsLeft} is meaningful for {@link Outcome#REJECTED}. */
public record Verification(Outcome outcome, int attemptsLeft) {

    public enum Outcome {
        /** The answer was right; the challenge is used up. */
        ACCEPTED,
        /** Wrong answer; the challenge lives on. */
        REJECTED,
        /** The code expired. */
        EXPIRED,
        /** Too many wrong answers; the code no longer works. */
        EXHAUSTED,
        /** No live challenge for this login (never sent, already used, or replaced). */
        NO_CHALLENGE,
        /**
         * No live code in this login, because the user's newest code was made for another sign-in; only the newest code
         * works. Not counted as a try: the answer was not checked.
         */
        SUPERSEDED,
        /** The login's code has not gone out yet, so the answer cannot be it; not counted as a try, not checked. */
        NOT_SENT_YET,
        /** The answer is not even shaped like a code; not counted as a try. */
        MALFORMED
    }

    public static Verification of(Outcome outcome) {
        return new Verification(outcome, 0);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }

    /** Whether this answer counts as a failed try against the user. */
    public boolean countsAsFailure() {
        return outcome == Outcome.REJECTED || outcome == Outcome.EXHAUSTED;
    }
}
