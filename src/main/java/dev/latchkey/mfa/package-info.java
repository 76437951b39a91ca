/**
 * Second factors. Each factor implements {@link dev.latchkey.mfa.Factor}: is it available for this user, start a
 * challenge (send a code), verify an answer. {@link dev.latchkey.mfa.SecondFactors} lists what a user may use.
 * Sub-packages hold the factors: {@code code} (email and SMS one-time codes), later {@code totp} and {@code
 * backup}.
 */
package dev.latchkey.mfa;
