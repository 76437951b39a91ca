package dev.latchkey.users;

import java.time.Clock;
import dev.latchkey.delivery.Emails;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails the user about what an admin did to their account (F-ADMIN-3): "2FA required" set or lifted, unlocked;
 * and about changes of their email address or phone (issue 13), always to the address they had before the change.
 * Sent through the outbox in the transaction of the change. No notice carries a code or a link.
 */
@Component
class AccountNotifications {

    private final Users users;
    private final Sites sites;
    private final Emails emails;
    private final Clock clock;

    AccountNotifications(Users users, Sites sites, Emails emails, Clock clock) {
        this.users = users;
        this.sites = sites;
        this.emails = emails;
        this.clock = clock;
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

    private void send(UserView user, String to, String key, String actor, String detail) {
        Realm realm = sites.realmOf(user.siteId());
        Object[] args = {user.displayName(), realm.name(), actor, Emails.TIME.format(clock.instant()), detail};
        emails.send(to, key, args, "notice:account", realm.key(), user.id());
    }
}
