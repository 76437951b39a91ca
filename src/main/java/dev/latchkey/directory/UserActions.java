package dev.latchkey.directory;

import dev.latchkey.mfa.TwoFactorSetup;
import dev.latchkey.shared.web.NotFoundException;
import dev.latchkey.signin.Sessions;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.Invitations;
import dev.latchkey.users.UserView;
import dev.latchkey.users.Users;
import org.springframework.stereotype.Service;

/**
 * The actions on a user of F-ADMIN-3 and F-POLICY-4, one copy for every caller: the admin's Users page and user page
 * and the API (F-API-1). Each has the same effect, audit entry and email whoever calls it; {@code actor} names the
 * caller in the audit log (an admin's email address, {@code api-token:<name>} for the API).
 *
 * <p>Who may act on whom is the caller's rule, checked before calling: the admin site's {@code ManagedUsers} (a site
 * admin acts on their sites' users only), the API's "portal users only". An unknown id is {@link NotFoundException}.
 */
@Service
public class UserActions {

    private final Users users;
    private final Sites sites;
    private final TwoFactorSetup twoFactor;
    private final Sessions sessions;
    private final Invitations invitations;

    UserActions(Users users, Sites sites, TwoFactorSetup twoFactor, Sessions sessions, Invitations invitations) {
        this.users = users;
        this.sites = sites;
        this.twoFactor = twoFactor;
        this.sessions = sessions;
        this.invitations = invitations;
    }

    /** F-POLICY-4: sets "2FA required" to {@code required}, so a repeated or stale request changes nothing more. */
    public void requireMfa(long userId, boolean required, String actor) {
        users.setMfaRequired(user(userId).id(), required, actor);
    }

    /**
     * "Delete 2FA setup": removes the authenticator, passkeys and backup codes, then ends every session of the user;
     * audited and emailed.
     */
    public void deleteTwoFactorSetup(long userId, String actor) {
        UserView user = user(userId);
        Realm realm = sites.realmOf(user.siteId());
        twoFactor.delete(realm, user.id(), actor);
        sessions.endAll(realm.key(), user.id());
    }

    /** Locks the account: no sign-in until unlocked, every session ends; audited and emailed. */
    public void lock(long userId, String actor) {
        users.lock(user(userId).id(), actor);
    }

    /** "Unlock": the lock and the failure count go; audited and emailed. */
    public void unlock(long userId, String actor) {
        users.unlock(user(userId).id(), actor);
    }

    /**
     * "Send password reset": a single-use link valid 24 h, to the address the user signs in with (never to a pending
     * new address); audited.
     */
    public void sendPasswordReset(long userId, String actor) {
        invitations.sendPasswordReset(user(userId).id(), actor);
    }

    private UserView user(long userId) {
        return users.find(userId).orElseThrow(NotFoundException::new);
    }
}
