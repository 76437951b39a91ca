package dev.latchkey.mfa;

import dev.latchkey.sites.Realm;

/**
 * A user's second factors changed. {@code backupCodesLeft} is meaningful for {@link Change#BACKUP_CODE_USED};
 * {@code actor} is who made the change (the user's own email, or an admin's).
 */
public record SecondFactorChanged(Realm realm, long userId, Change change, int backupCodesLeft, String actor) {

    public enum Change {
        AUTHENTICATOR_ENABLED,
        AUTHENTICATOR_DISABLED,
        AUTHENTICATOR_DELETED,
        BACKUP_CODES_GENERATED,
        BACKUP_CODE_USED,
        /** An admin deleted the whole 2FA setup (F-ADMIN-3): authenticator, passkeys and backup codes. */
        SETUP_DELETED,
        /** F-PASSKEY: a passkey was registered. */
        PASSKEY_ADDED,
        /** F-PASSKEY: a passkey was removed. */
        PASSKEY_REMOVED,
        /** F-PASSKEY: a passkey signed with a counter that went backwards (a cloned authenticator?); refused. */
        PASSKEY_COUNTER_REGRESSED
    }
}
