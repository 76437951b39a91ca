/**
 * Authenticator apps (F-TOTP), named interface {@code mfa::totp}: RFC 6238 codes from java-otp, the encrypted secret,
 * replay protection, enrolment by QR code (ZXing), disable / re-enable / delete, and the sign-in factor (see
 * docs/adr/0005-totp-and-backup-codes.md). API: {@link dev.latchkey.mfa.totp.Authenticators} with
 * {@link dev.latchkey.mfa.totp.Enrolment} and {@link dev.latchkey.mfa.totp.AuthenticatorStatus}.
 */
@NamedInterface("totp")
package dev.latchkey.mfa.totp;

import org.springframework.modulith.NamedInterface;
