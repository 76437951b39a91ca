/**
 * Secrets at rest (named interface {@code shared::crypto}): {@link dev.latchkey.shared.crypto.EncryptionKeys} holds the
 * AES keys of {@code latchkey.encryption-key} (the first encrypts, all decrypt, so keys can be rotated), and
 * {@link dev.latchkey.shared.crypto.SecretCipher} encrypts and decrypts with AES-GCM, bound to a purpose. Where the key
 * comes from stays internal. See docs/adr/0003-secret-encryption.md.
 */
@NamedInterface("crypto")
package dev.latchkey.shared.crypto;

import org.springframework.modulith.NamedInterface;
