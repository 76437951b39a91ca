package dev.latchkey.users;

import java.time.Clock;
import dev.latchkey.delivery.Emails;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails the user about what an admin did to their account (F-ADMIN-3): "2FA required" set or lifted, unlocked.
 * Sent through the outbox in the transaction of the change.
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

    private void notify(long userId, String key, String actor) {
        users.find(userId).ifPresent(user -> {
            Realm realm = sites.realmOf(user.siteId());
            Object[] args = {user.displayName(), realm.name(), actor, Emails.TIME.format(clock.instant())};
            emails.send(user.email(), key, args, "notice:account", realm.key(), user.id());
        });
    }
}
