package dev.latchkey.users;

import dev.latchkey.delivery.Emails;
import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Emails the user about what an admin did to their account (F-ADMIN-3): "2FA required" set or lifted, unlocked; and
 * about changes of their email address or phone (F-CONTACT-2), always to the address they had before the change. Sent
 * through the outbox in the transaction of the change. No notice carries a code or a single-use link; the security
 * notices end with the site's "Forgot password?" page for "if this was not you" (F-ACCOUNT-4).
 */
@Component
class AccountNotifications {

    private final Users users;
    private final Sites sites;
    private final Emails emails;
    private final Clock clock;
    private final AccountLinks links;

    AccountNotifications(Users users, Sites sites, Emails emails, Clock clock, AccountLinks links) {
        this.users = users;
        this.sites = sites;
        this.emails = emails;
        this.clock = clock;
        this.links = links;
    }

    @EventListener
    void on(MfaRequirementChanged event) {
        notify(event.userId(), event.required() ? "mail.account.required" : "mail.account.notRequired", event.actor());
    }

    @EventListener
    void on(UserLocked event) {
        if (event.actor() != null) {
            notify(event.userId(), "mail.account.locked", event.actor());
        }
    }

    @EventListener
    void on(UserUnlocked event) {
        notify(event.userId(), "mail.account.unlocked", event.actor());
    }

    /**
     * F-ACCOUNT-2: what changed, when (UTC), from which browser and address, what happened to the other sessions, and
     * the link to choose a new password for someone who did not do it. Never the password.
     */
    @EventListener
    void on(PasswordChanged event) {
        users.find(event.userId()).ifPresent(user -> {
            Realm realm = sites.realmOf(user.siteId());
            Object sessions = event.signedOutOthers()
                    ? new DefaultMessageSourceResolvable(
                            new String[] {"mail.account.passwordChanged.signedOut"},
                            new Object[] {event.endedSessions()})
                    : new DefaultMessageSourceResolvable("mail.account.passwordChanged.kept");
            Object[] args = {
                user.displayName(),
                realm.name(),
                Emails.TIME.format(clock.instant()),
                BrowserSummary.describe(event.client().userAgent()),
                event.client().ip(),
                links.forgotPassword(realm),
                sessions
            };
            emails.send(user.email(), "mail.account.passwordChanged", args, "notice:account", realm.key(), user.id());
        });
    }

    /**
     * Tells {@code previousAddress} that the organisation changed the user's contact details:
     * {@code mail.contact.emailPending} (a new address waits for confirmation), {@code mail.contact.emailChanged} (the
     * address of a user without password changed at once) or {@code mail.contact.phoneChanged}.
     */
    void contactChanged(UserView user, String previousAddress, String key, String actor) {
        send(user, previousAddress, key, actor, null);
    }

    /** Tells the address the user signed in with until now that they confirmed {@code newAddress} as their login. */
    void emailConfirmed(UserView user, String previousAddress, String newAddress) {
        send(user, previousAddress, "mail.contact.emailConfirmed", null, newAddress);
    }

    private void notify(long userId, String key, String actor) {
        users.find(userId).ifPresent(user -> send(user, user.email(), key, actor, null));
    }

    /**
     * Arguments of every notice: {0} the user's name, {1} the site's name, {2} the admin who acted, {3} when (UTC), {4}
     * a detail, {5} the site's "Forgot password?" page, for "if this was not you" (F-ACCOUNT-4).
     */
    private void send(UserView user, String to, String key, String actor, Object detail) {
        Realm realm = sites.realmOf(user.siteId());
        Object[] args = {
            user.displayName(),
            realm.name(),
            actor,
            Emails.TIME.format(clock.instant()),
            detail,
            links.forgotPassword(realm)
        };
        emails.send(to, key, args, "notice:account", realm.key(), user.id());
    }

    /**
     * F-ACCOUNT-1: a password chosen through a reset link ("Forgot password?" or an admin's), told to the address the
     * link went to, with the browser and address it was chosen from when known.
     */
    @EventListener
    void on(PasswordWasReset event) {
        Object client = event.ip() == null
                ? ""
                : new DefaultMessageSourceResolvable(
                        new String[] {"mail.client"},
                        new Object[] {BrowserSummary.describe(event.userAgent()), event.ip()});
        users.find(event.userId())
                .ifPresent(user -> send(user, user.email(), "mail.account.passwordReset", null, client));
    }
}
