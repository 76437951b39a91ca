package dev.latchkey.delivery;

import dev.latchkey.shared.web.ReadableTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Queues an email whose texts come from the message bundle: {@code key.subject} and {@code key.body}, both formatted
 * with the same arguments. Like {@link Outbox#enqueue}, it runs in the caller's transaction.
 */
@Component
public class Emails {

    /** How every email states a time: {@code 2026-11-23 14:05 UTC}. */
    public static final DateTimeFormatter TIME = ReadableTime.UTC;

    private final Outbox outbox;
    private final MessageSource messages;

    Emails(Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    public void send(String to, String key, Object[] args, String reference, String realm, Long userId) {
        Locale language = LocaleContextHolder.getLocale();
        outbox.enqueue(new OutgoingMessage(
                Channel.EMAIL,
                to,
                messages.getMessage(key + ".subject", args, language),
                messages.getMessage(key + ".body", args, language),
                reference,
                realm,
                userId));
    }
}
