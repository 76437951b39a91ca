/**
 * Email and SMS one-time codes (F-CODE): six digits from {@code SecureRandom}, stored only as an HMAC bound to the
 * login, used up by a conditional update, five tries, the resend throttle, and the message texts (see
 * docs/adr/0002-one-time-code-storage.md). Internal to {@code mfa}: other modules reach these factors only through
 * {@link dev.latchkey.mfa.Factor} and {@link dev.latchkey.mfa.SecondFactors}.
 */
package dev.latchkey.mfa.code;
