/**
 * Authenticator apps (F-TOTP): RFC 6238 codes from java-otp, the encrypted secret, enrolment by QR code (ZXing),
 * disable / re-enable / delete, and the sign-in factor. Public API: {@link dev.latchkey.mfa.totp.Authenticators}.
 */
package dev.latchkey.mfa.totp;
