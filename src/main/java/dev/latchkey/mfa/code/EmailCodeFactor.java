package dev.latchkey.mfa.code;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The email one-time code (F-LOGIN-3): available when the user's email is confirmed. */
@Component
class EmailCodeFactor extends CodeFactor {

    private final CodeMessages messages;

    EmailCodeFactor(OneTimeCodes codes, CodeMessages messages, Outbox outbox, ApplicationEventPublisher events) {
        super(codes, outbox, events);
        this.messages = messages;
    }

    @Override
    public FactorType type() {
        return FactorType.EMAIL;
    }

    @Override
    public boolean availableFor(FactorSubject subject) {
        return subject.emailConfirmed()
                && subject.email() != null
                && !subject.email().isBlank();
    }

    @Override
    OutgoingMessage message(FactorSubject subject, String code, Instant expiresAt) {
        return new OutgoingMessage(
                Channel.EMAIL,
                subject.email(),
                messages.emailSubject(subject),
                messages.emailBody(subject, code, expiresAt),
                null,
                null,
                null);
    }

    /** {@code a•••e@acme.test}. */
    @Override
    public String maskedDestination(FactorSubject subject) {
        String email = subject.email();
        int at = email.indexOf('@');
        if (at < 1) {
            return "•••";
        }
        String local = email.substring(0, at);
        String shown = local.length() <= 2
                ? local.charAt(0) + "•••"
                : local.charAt(0) + "•••" + local.charAt(local.length() - 1);
        return shown + email.substring(at);
    }
}
