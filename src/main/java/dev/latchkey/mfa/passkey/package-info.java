/**
 * Passkeys (F-PASSKEY), named interface {@code mfa::passkey}: WebAuthn credentials checked by Spring Security's
 * relying-party operations (webauthn4j), stored in {@code passkey}, with single-use challenges in
 * {@code passkey_challenge}; and the sign-in factor. API: {@link dev.latchkey.mfa.passkey.Passkeys} with
 * {@link dev.latchkey.mfa.passkey.PasskeyView}.
 */
@NamedInterface("passkey")
package dev.latchkey.mfa.passkey;

import org.springframework.modulith.NamedInterface;
