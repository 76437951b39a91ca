package dev.latchkey.signin;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.signin.SignInEvent.SecondFactorFailed;
import dev.latchkey.sites.Realm;
import dev.latchkey.sites.Sites;
import dev.latchkey.users.UserLocked;
import dev.latchkey.users.Users;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells the user when someone who knew their password failed the second step (with time and browser), and ends
 * every session of an account that locked itself.
 */
@Component
class SecurityAlerts {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Users users;
    private final Sites sites;
    private final Outbox outbox;
    private final Sessions sessions;
    private final MessageSource messages;
    private final Clock clock;

    SecurityAlerts(Users users, Sites sites, Outbox outbox, Sessions sessions, MessageSource messages, Clock clock) {
        this.users = users;
        this.sites = sites;
        this.outbox = outbox;
        this.sessions = sessions;
        this.messages = messages;
        this.clock = clock;
    }

    /** One alert for the first wrong answer after a quiet spell, not one per keystroke of an attacker. */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    void on(SecondFactorFailed event) {
        users.find(event.userId()).filter(u -> u.secondFactorFailures() == 1).ifPresent(user -> {
            Realm realm = sites.realmOf(user.siteId());
            Object[] args = {user.displayName(), realm.name(), TIME.format(clock.instant()),
                event.client().userAgent().isBlank() ? "unknown" : event.client().userAgent(), event.client().ip()};
            outbox.enqueue(new OutgoingMessage(Channel.EMAIL, user.email(),
                    messages.getMessage("mail.alert.subject", args, Locale.ENGLISH),
                    messages.getMessage("mail.alert.body", args, Locale.ENGLISH), "notice:alert", realm.key(),
                    user.id()));
        });
    }

    @EventListener
    void on(UserLocked event) {
        users.find(event.userId()).ifPresent(user -> sessions.endAll(sites.realmOf(user.siteId()).key(), user.id()));
    }

}
