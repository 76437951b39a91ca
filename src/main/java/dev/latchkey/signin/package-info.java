/**
 * The sign-in flow (F-LOGIN): the password step with its throttle, choosing a factor, the code step, the forced set-up
 * of a user who must use 2FA, completing the session (see docs/adr/0001-second-factor-in-the-session.md), the security
 * filter chain that guards every site and the admin site, and the server-side sessions. Also the rules every later
 * proof goes through: {@link dev.latchkey.signin.ProofGate} (back-off on wrong answers),
 * {@link dev.latchkey.signin.StepUp} (a recent second factor before sensitive changes) and
 * {@link dev.latchkey.signin.PasswordChange} (F-ACCOUNT-2).
 *
 * <p>Public API: {@link dev.latchkey.signin.LatchkeyPrincipal}, {@link dev.latchkey.signin.Sessions} with
 * {@link dev.latchkey.signin.ActiveSession}, {@link dev.latchkey.signin.ProofGate}, {@link dev.latchkey.signin.StepUp},
 * {@link dev.latchkey.signin.PasswordChange}; events {@link dev.latchkey.signin.SignInEvent} and
 * {@link dev.latchkey.signin.SessionSignedOut}.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared::web",
            "sites",
            "users",
            "delivery",
            "mfa",
            "mfa::totp",
            "mfa::backup",
            "devices",
            "mfa::passkey"
        })
package dev.latchkey.signin;

import org.springframework.modulith.ApplicationModule;
