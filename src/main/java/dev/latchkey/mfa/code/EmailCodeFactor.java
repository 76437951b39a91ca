package dev.latchkey.mfa.code;

import java.util.Optional;
import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.CodeChallenge;
import dev.latchkey.mfa.CodeSent;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.FactorType;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The email one-time code (seed 000): available when the user's email is confirmed. */
@Component
class EmailCodeFactor implements Factor {

    private static final String CHANNEL = "email";

    private final OneTimeCodes codes;
    private final CodeMessages messages;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    EmailCodeFactor(OneTimeCodes codes, CodeMessages messages, Outbox outbox, ApplicationEventPublisher events) {
        this.codes = codes;
        this.messages = messages;
        this.outbox = outbox;
        this.events = events;
    }

    @Override
    public FactorType type() {
        return FactorType.EMAIL;
    }

    @Override
    public boolean availableFor(FactorSubject subject) {
        return subject.emailConfirmed() && subject.email() != null && !subject.email().isBlank();
    }

    @Override
    public boolean sendsCode() {
        return true;
    }

    @Override
    public SendResult send(FactorSubject subject) {
        SendResult result = codes.send(subject, CHANNEL, (code, expiresAt) -> new OutgoingMessage(
                Channel.EMAIL,
                subject.email(),
                messages.emailSubject(subject),
                messages.emailBody(subject, code, expiresAt),
                null,
                null,
                null));
        if (result.sent()) {
            events.publishEvent(
                    new CodeSent(subject.realm().key(), subject.userId(), subject.email(), FactorType.EMAIL));
        }
        return result;
    }

    @Override
    public Optional<CodeChallenge> challenge(FactorSubject subject) {
        return codes.current(subject, CHANNEL)
                .map(code -> code.withDelivery(outbox.statusOf(OneTimeCodes.reference(code.id()))));
    }

    @Override
    public Verification verify(FactorSubject subject, String answer) {
        return codes.verify(subject, CHANNEL, answer);
    }

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
