/**
 * Backup codes (F-BACKUP), named interface {@code mfa::backup}: five single-use codes, stored only as Argon2id hashes,
 * accepted wherever an authenticator code is. API: {@link dev.latchkey.mfa.backup.BackupCodes}.
 */
@NamedInterface("backup")
package dev.latchkey.mfa.backup;

import org.springframework.modulith.NamedInterface;
