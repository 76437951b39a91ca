package dev.latchkey.users;

import java.time.Clock;
import dev.latchkey.delivery.Emails;
import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

/**
 * Emails the user about what an admin did to their account (F-ADMIN-3): "2FA required" set or lifted, unlocked;
 * and about changes of their email address or phone (issue 13), always to the address they had before the change.
 * Sent through the outbox in the transaction of the change. No notice carries a code; only the notice of a changed
 * password carries a link, the public "forgot password" page of the user's site.
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
        notify(event.userId(), event.required() ? "mail.account.required" : "mail.account.notRequired",
                event.actor());
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
                    ? new DefaultMessageSourceResolvable(new String[] {"mail.account.passwordChanged.signedOut"},
                            new Object[] {event.endedSessions()})
                    : new DefaultMessageSourceResolvable("mail.account.passwordChanged.kept");
            Object[] args = {user.displayName(), realm.name(), Emails.TIME.format(clock.instant()),
                browser(event.client().userAgent()), event.client().ip(), links.forgotPassword(realm), sessions};
            emails.send(user.email(), "mail.account.passwordChanged", args, "notice:account", realm.key(), user.id());
        });
    }

    /**
     * Tells {@code previousAddress} that the organisation changed the user's contact details: {@code
     * mail.contact.emailPending} (a new address waits for confirmation), {@code mail.contact.emailChanged} (the
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
     * "Chrome 120 on Windows" in the email's language, in Latchkey's own words (as in the sign-in alert): no character
     * of the User-Agent header, which the sender chooses freely, reaches the user's inbox.
     */
    private static Object browser(String userAgent) {
        BrowserSummary summary = BrowserSummary.of(userAgent);
        Object name = summary.browser() != null
                ? summary.browser()
                : new DefaultMessageSourceResolvable("mail.alert.unknownBrowser");
        return summary.system() == null
                ? name
                : new DefaultMessageSourceResolvable(new String[] {"mail.alert.browserOn"},
                        new Object[] {name, summary.system()});
    }

    private void send(UserView user, String to, String key, String actor, String detail) {
        Realm realm = sites.realmOf(user.siteId());
        Object[] args = {user.displayName(), realm.name(), actor, Emails.TIME.format(clock.instant()), detail};
        emails.send(to, key, args, "notice:account", realm.key(), user.id());
    }
}
