/**
 * Backup codes (F-BACKUP): five single-use codes, stored only as salted slow hashes, accepted wherever an
 * authenticator code is. Public API: {@link dev.latchkey.mfa.backup.BackupCodes}.
 */
package dev.latchkey.mfa.backup;
