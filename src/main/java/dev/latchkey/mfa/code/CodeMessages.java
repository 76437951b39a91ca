package dev.latchkey.mfa.code;

import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.shared.LatchkeyProperties;
import dev.latchkey.users.AccountLinks;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The texts of code messages (F-CODE-5): which site, the code, when it expires, and what to do if it wasn't you. Texts
 * come from the message bundle in the login's language.
 */
@Component
class CodeMessages {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final LatchkeyProperties properties;
    private final AccountLinks links;

    CodeMessages(MessageSource messages, LatchkeyProperties properties, AccountLinks links) {
        this.links = links;
        this.messages = messages;
        this.properties = properties;
    }

    /** Site, code, expiry, what to do if it was not you, and last the WebOTP line {@code @host #code}. */
    String smsBody(FactorSubject subject, String code, Instant expires) {
        Object[] args = {
            subject.realm().name(),
            code,
            TIME.format(expires),
            subject.codeTtl().toMinutes()
        };
        return messages.getMessage("sms.code.body", args, subject.locale()) + "\n\n@" + properties.host() + " #" + code;
    }

    String emailSubject(FactorSubject subject) {
        return messages.getMessage(
                "mail.code.subject", new Object[] {subject.realm().name()}, subject.locale());
    }

    String emailBody(FactorSubject subject, String code, Instant expires) {
        Object[] args = {
            subject.displayName(),
            subject.realm().name(),
            code,
            subject.codeTtl().toMinutes(),
            TIME.format(expires),
            links.forgotPassword(subject.realm())
        };
        return messages.getMessage("mail.code.body", args, subject.locale());
    }
}
