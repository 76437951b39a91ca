package dev.latchkey.mfa;

import dev.latchkey.mfa.SecondFactorChanged.Change;
import dev.latchkey.mfa.backup.BackupCodes;
import dev.latchkey.mfa.passkey.Passkeys;
import dev.latchkey.mfa.totp.AuthenticatorStatus;
import dev.latchkey.mfa.totp.Authenticators;
import dev.latchkey.sites.Realm;
import dev.latchkey.users.Users;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's whole 2FA setup, for admins (F-ADMIN-2/3): whether it is activated and "Delete 2FA setup", after which the
 * user signs in per policy without the old factors until they set up again. The user's next sign-in says so
 * (F-ADMIN-3): {@link #removedByAdmin} until a sign-in completes, which {@link #acknowledgeRemoval}s it.
 */
@Service
public class TwoFactorSetup {

    private final Authenticators authenticators;
    private final BackupCodes backupCodes;
    private final Passkeys passkeys;
    private final SetupRemovals removals;
    private final Users users;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    TwoFactorSetup(
            Authenticators authenticators,
            BackupCodes backupCodes,
            Passkeys passkeys,
            SetupRemovals removals,
            Users users,
            Clock clock,
            ApplicationEventPublisher events) {
        this.authenticators = authenticators;
        this.backupCodes = backupCodes;
        this.passkeys = passkeys;
        this.removals = removals;
        this.users = users;
        this.clock = clock;
        this.events = events;
    }

    /** Activated means an enabled authenticator or at least one passkey. */
    public boolean activated(long userId) {
        return authenticators.status(userId) == AuthenticatorStatus.ENABLED || passkeys.count(userId) > 0;
    }

    /**
     * Removes the authenticator (secret included), every passkey and every backup code, and remembers when, for the
     * user's next sign-in; emailed to the user and audited.
     */
    @Transactional
    public void delete(Realm realm, long userId, String actor) {
        users.lockForUpdate(userId);
        // a stale page or a second click removes nothing: the user is then not told that something was removed
        boolean hadSetup = authenticators.status(userId) != AuthenticatorStatus.NOT_SET_UP
                || backupCodes.remaining(userId) > 0
                || passkeys.count(userId) > 0;
        authenticators.remove(userId);
        passkeys.removeAll(userId);
        backupCodes.deleteAll(userId);
        if (hadSetup) {
            removals.record(userId, clock.instant());
        }
        events.publishEvent(new SecondFactorChanged(realm, userId, Change.SETUP_DELETED, 0, actor));
    }

    /** When an admin deleted the user's 2FA setup, if the user has not completed a sign-in since. */
    public Optional<Instant> removedByAdmin(long userId) {
        return removals.find(userId);
    }

    /**
     * The user completed a sign-in: the removal has been told (or is told now) and is forgotten. Answers it to the one
     * caller that cleared it, so of two simultaneous sign-ins one tells it.
     */
    @Transactional
    public Optional<Instant> acknowledgeRemoval(long userId) {
        return removals.find(userId).filter(at -> removals.clear(userId, at));
    }
}
