/**
 * Second factors. Each factor implements {@link dev.latchkey.mfa.Factor}: is it available for this user, start a
 * challenge (send a code), verify an answer. {@link dev.latchkey.mfa.SecondFactors} lists what a user may use in a
 * realm (F-LOGIN-3); {@link dev.latchkey.mfa.TwoFactorSetup} is a user's whole setup as an admin sees and deletes it
 * (F-ADMIN-3). Changes to a user's factors are emailed to them and published as
 * {@link dev.latchkey.mfa.SecondFactorChanged}.
 *
 * <p>Public API: {@link dev.latchkey.mfa.Factor}, {@link dev.latchkey.mfa.FactorType},
 * {@link dev.latchkey.mfa.FactorSubject}, {@link dev.latchkey.mfa.CodeChallenge}, {@link dev.latchkey.mfa.SendResult},
 * {@link dev.latchkey.mfa.Verification}, {@link dev.latchkey.mfa.SecondFactors},
 * {@link dev.latchkey.mfa.TwoFactorSetup}, {@link dev.latchkey.mfa.TypedCode} (how a typed code is cleaned); events
 * {@link dev.latchkey.mfa.CodeSent} and {@link dev.latchkey.mfa.SecondFactorChanged}. Sub-packages hold the factors:
 * {@code code} (email and SMS one-time codes, internal), and the named interfaces {@code mfa::passkey} (passkeys),
 * {@code mfa::totp} (authenticator apps) and {@code mfa::backup} (backup codes), which the sign-in flow and the
 * Security page use directly.
 */
@ApplicationModule(
        allowedDependencies = {
            "shared",
            "shared::crypto",
            "shared::web",
            "sites",
            "users",
            "delivery",
            "delivery::sms",
            "phones"
        })
package dev.latchkey.mfa;

import org.springframework.modulith.ApplicationModule;
