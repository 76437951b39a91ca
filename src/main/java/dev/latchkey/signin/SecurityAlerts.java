package dev.latchkey.signin;

import dev.latchkey.delivery.Emails;
import dev.latchkey.shared.web.BrowserSummary;
import dev.latchkey.shared.web.ClientInfo;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.AccountLinks;
import dev.latchkey.users.UserLocked;
import dev.latchkey.users.Users;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the user when someone who knew their password failed the second step (with time and browser), and ends every
 * session of an account that locked itself.
 */
@Component
class SecurityAlerts {

    private final Users users;
    private final Sites sites;
    private final Emails emails;
    private final Sessions sessions;
    private final Clock clock;
    private final AccountLinks links;

    SecurityAlerts(Users users, Sites sites, Emails emails, Sessions sessions, Clock clock, AccountLinks links) {
        this.links = links;
        this.users = users;
        this.sites = sites;
        this.emails = emails;
        this.sessions = sessions;
        this.clock = clock;
    }

    /**
     * One alert for the first wrong answer after a quiet spell, not one per keystroke of an attacker. {@link ProofGate}
     * decides which answer that is when it reserves the attempt (the count was 0), so simultaneous wrong answers still
     * send exactly one.
     */
    @Transactional
    public void firstWrongAnswer(long userId, ClientInfo client) {
        users.find(userId).ifPresent(user -> {
            Realm realm = sites.realmOf(user.siteId());
            Object[] args = {
                user.displayName(),
                realm.name(),
                Emails.TIME.format(clock.instant()),
                BrowserSummary.describe(client.userAgent()),
                client.ip(),
                links.forgotPassword(realm)
            };
            emails.send(user.email(), "mail.alert", args, "notice:alert", realm.key(), user.id());
        });
    }

    @EventListener
    void on(UserLocked event) {
        users.find(event.userId())
                .ifPresent(user -> sessions.endAll(sites.realmOf(user.siteId()).key(), user.id()));
    }
}
