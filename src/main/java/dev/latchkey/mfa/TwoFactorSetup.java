package dev.latchkey.mfa;

import dev.latchkey.mfa.SecondFactorChanged.Change;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.mfa.totp.AuthenticatorStatus;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.Realm;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's whole 2FA setup, for admins (F-ADMIN-2/3): whether it is activated and "Delete 2FA setup", after which
 * the user signs in per policy without the old factors until they set up again.
 */
@Service
public class TwoFactorSetup {

    private final Authenticators authenticators;
    private final BackupCodes backupCodes;
    private final ApplicationEventPublisher events;

    TwoFactorSetup(Authenticators authenticators, BackupCodes backupCodes, ApplicationEventPublisher events) {
        this.authenticators = authenticators;
        this.backupCodes = backupCodes;
        this.events = events;
    }

    /** Activated means an enabled authenticator (later also a passkey). */
    public boolean activated(long userId) {
        return authenticators.status(userId) == AuthenticatorStatus.ENABLED;
    }

    /** Removes the authenticator (secret included) and every backup code; emailed to the user and audited. */
    @Transactional
    public void delete(Realm realm, long userId, String actor) {
        authenticators.remove(userId);
        backupCodes.deleteAll(userId);
        events.publishEvent(new SecondFactorChanged(realm, userId, Change.SETUP_DELETED, 0, actor));
    }
}
