package dev.latchkey.audit;

import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ReadableTime;
import java.time.Instant;

/**
 * One sign-in or failed sign-in step of a user, as the user and their admins read it (issues 15 and 16): when, from
 * which address and browser (Latchkey's summary, never the raw header), the second factor used or tried ({@code null}:
 * none), and what came of it.
 */
public record SignInAttempt(Instant at, String ip, BrowserSummary browser, String factor, Result result) {

    public enum Result {
        /** The sign-in completed. */
        SIGNED_IN,
        /** A password was typed for this account and not accepted (wrong, or the account was locked). */
        PASSWORD_REFUSED,
        /** The password was right; a second-factor answer was wrong. */
        SECOND_FACTOR_REFUSED
    }

    /** When, as pages show a time ({@code <time class="local-time">}). */
    public ReadableTime time() {
        return ReadableTime.of(at);
    }

    public boolean success() {
        return result == Result.SIGNED_IN;
    }

    static SignInAttempt of(AuditEntry e) {
        Result result = AuditEventType.SIGNIN_COMPLETED.code().equals(e.type())
                ? Result.SIGNED_IN
                : AuditEventType.SIGNIN_PASSWORD.code().equals(e.type())
                        ? Result.PASSWORD_REFUSED
                        : Result.SECOND_FACTOR_REFUSED;
        return new SignInAttempt(e.occurredAt(), e.ip(), BrowserSummary.of(e.userAgent()), e.factor(), result);
    }
}
