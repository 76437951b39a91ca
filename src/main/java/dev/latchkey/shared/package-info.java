/**
 * Open module with infrastructure every other module may use: the {@link java.time.Clock}, secret encryption
 * ({@link dev.latchkey.shared.crypto.SecretCipher}), the system settings store and web plumbing. It holds no
 * business rules.
 */
package dev.latchkey.shared;
