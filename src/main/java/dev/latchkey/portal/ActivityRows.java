package dev.latchkey.portal;

import dev.latchkey.audit.SignInAttempt;
import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ReadableTime;
import dev.latchkey.signin.ActiveSession;

/** The rows of the Security page's lists of sessions and recent sign-ins (issue 16 §4). */
final class ActivityRows {

    private ActivityRows() {}

    /** A signed-in session of the user; {@code handle} names it in the sign-out form, never its id. */
    record SessionRow(String handle, boolean current, BrowserSummary browser, String ip, ReadableTime signedIn,
            ReadableTime lastActive) {

        static SessionRow of(ActiveSession s) {
            return new SessionRow(s.handle(), s.current(), s.browser(), s.ip(), ReadableTime.of(s.startedAt()),
                    ReadableTime.of(s.lastActiveAt()));
        }
    }

    /** A sign-in or a refused step; {@code factor} null for none (password only, or a refused password). */
    record SignInRow(ReadableTime time, BrowserSummary browser, String ip, String factor, SignInAttempt.Result result,
            boolean success) {

        static SignInRow of(SignInAttempt a) {
            return new SignInRow(ReadableTime.of(a.at()), a.browser(), a.ip(), a.factor(), a.result(), a.success());
        }
    }
}
