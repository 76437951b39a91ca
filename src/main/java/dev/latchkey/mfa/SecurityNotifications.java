package dev.latchkey.mfa;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Emails;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.users.AccountLinks;
import dev.latchkey.users.Users;
import java.time.Clock;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Emails the user whenever their second factors change (F-BACKUP-2, F-TOTP-3), through the outbox and in the
 * transaction of the change: the message goes out exactly when the change commits.
 */
@Component
class SecurityNotifications {

    private final Users users;
    private final Outbox outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final AccountLinks links;

    SecurityNotifications(Users users, Outbox outbox, MessageSource messages, Clock clock, AccountLinks links) {
        this.links = links;
        this.users = users;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    @EventListener
    void on(SecondFactorChanged event) {
        users.find(event.userId()).ifPresent(user -> {
            String key = "mail.factor." + event.change().name();
            String site = event.realm().name();
            Locale language = LocaleContextHolder.getLocale();
            String subject = messages.getMessage(key + ".subject", new Object[] {site}, language);
            String what = messages.getMessage(key + ".text", new Object[] {event.backupCodesLeft()}, language);
            String by = event.actor() == null || event.actor().equalsIgnoreCase(user.email())
                    ? ""
                    : messages.getMessage("mail.factor.byAdmin", new Object[] {event.actor()}, language);
            String body = messages.getMessage(
                    "mail.factor.body",
                    new Object[] {
                        user.displayName(),
                        what,
                        site,
                        Emails.TIME.format(clock.instant()),
                        by,
                        links.forgotPassword(event.realm())
                    },
                    language);
            outbox.enqueue(new OutgoingMessage(
                    Channel.EMAIL,
                    user.email(),
                    subject,
                    body,
                    "notice:" + event.change().name().toLowerCase(Locale.ROOT),
                    event.realm().key(),
                    user.id()));
        });
    }
}
