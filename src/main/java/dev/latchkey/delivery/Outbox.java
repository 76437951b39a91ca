package dev.latchkey.delivery;

import java.time.Clock;
import dev.latchkey.shared.crypto.SecretCipher;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persistent outbox. {@link #enqueue} is a single insert inside the caller's transaction, so a message is sent
 * exactly when the change that caused it commits, and the request never waits on a mail server.
 */
@Service
public class Outbox {

    static final String BODY_PURPOSE = "outbox-body";

    private final OutboxRepository repository;
    private final SecretCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Outbox(OutboxRepository repository, SecretCipher cipher, Clock clock, ApplicationEventPublisher events) {
        this.repository = repository;
        this.cipher = cipher;
        this.clock = clock;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutgoingMessage message) {
        repository.save(new OutboxMessage(
                null,
                message.channel(),
                message.recipient(),
                message.subject(),
                cipher.encrypt(BODY_PURPOSE, message.body()),
                message.reference(),
                message.realm(),
                message.userId(),
                OutboxMessage.PENDING,
                0,
                clock.instant(),
                null,
                null,
                clock.instant(),
                null));
        events.publishEvent(new MessageQueued());
    }

    /** How delivery of the newest message with this reference stands. */
    public DeliveryStatus statusOf(String reference) {
        return repository
                .findFirstByReferenceOrderByIdDesc(reference)
                .map(Outbox::status)
                .orElse(DeliveryStatus.UNKNOWN);
    }

    private static DeliveryStatus status(OutboxMessage message) {
        return switch (message.status()) {
            case OutboxMessage.SENT -> DeliveryStatus.SENT;
            case OutboxMessage.FAILED -> DeliveryStatus.FAILED;
            default -> message.attempts() > 0 ? DeliveryStatus.RETRYING : DeliveryStatus.QUEUED;
        };
    }

    /** Published inside the enqueueing transaction; the worker wakes once it commits. */
    record MessageQueued() {}
}
