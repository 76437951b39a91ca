package dev.latchkey.mfa.code;

import dev.latchkey.delivery.DeliveryStatus;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.CodeChallenge;
import dev.latchkey.mfa.CodeSent;
import dev.latchkey.mfa.Factor;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.SendResult;
import dev.latchkey.mfa.Verification;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;

/**
 * What email and SMS codes share (F-CODE-1..4): the code store, the outbox, the delivery status and the
 * {@link CodeSent} event. A subclass says where the code goes and how the message reads.
 */
abstract class CodeFactor implements Factor {

    private final OneTimeCodes codes;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    CodeFactor(OneTimeCodes codes, Outbox outbox, ApplicationEventPublisher events) {
        this.codes = codes;
        this.outbox = outbox;
        this.events = events;
    }

    /** The message carrying {@code code} to the subject. */
    abstract OutgoingMessage message(FactorSubject subject, String code, Instant expiresAt);

    private String channel() {
        return type().id();
    }

    @Override
    public final boolean sendsCode() {
        return true;
    }

    @Override
    public final SendResult send(FactorSubject subject) {
        SendResult result = codes.send(subject, channel(), (code, expiresAt) -> message(subject, code, expiresAt));
        if (result.sent()) {
            events.publishEvent(new CodeSent(subject.realm().key(), subject.userId(), subject.email(), type()));
        }
        return result;
    }

    @Override
    public final Optional<CodeChallenge> challenge(FactorSubject subject) {
        OneTimeCodes.CodeView code = codes.current(subject, channel());
        return Optional.of(code.withDelivery(
                code.id() == null ? DeliveryStatus.UNKNOWN : outbox.statusOf(OneTimeCodes.reference(code.id()))));
    }

    @Override
    public final Verification verify(FactorSubject subject, String answer) {
        return codes.verify(subject, channel(), answer);
    }
}
