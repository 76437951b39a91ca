package dev.latchkey.delivery;

import dev.latchkey.shared.crypto.SecretCipher;
import java.time.Clock;
import java.time.Instant;
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
        enqueue(message, clock.instant());
    }

    /**
     * Queues a message that goes out at {@code at} and not before (now, or when a throttle allows). Its
     * {@code created_at} is that time, so the delivery latency counts from when it was due.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(OutgoingMessage message, Instant at) {
        Instant due = at.isBefore(clock.instant()) ? clock.instant() : at;
        repository.save(new OutboxMessage(
                null,
                message.channel(),
                message.recipient(),
                message.subject(),
                cipher.encrypt(BODY_PURPOSE, message.body()),
                message.reference(),
                message.realm(),
                message.userId(),
                OutboxMessage.Status.PENDING,
                0,
                due,
                null,
                null,
                due,
                null));
        events.publishEvent(new MessageQueued());
    }

    /**
     * Takes back a message that has not been tried yet (a newer message replaced it before it was due): it is never
     * sent, and its body is erased. False when a worker has it in hand or it was tried already.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean withdraw(String reference) {
        return repository.withdraw(reference, clock.instant()) > 0;
    }

    /** How delivery of the newest message with this reference stands. */
    public DeliveryStatus statusOf(String reference) {
        return repository
                .findFirstByReferenceOrderByIdDesc(reference)
                .map(Outbox::status)
                .orElse(DeliveryStatus.UNKNOWN);
    }

    private static DeliveryStatus status(OutboxMessage message) {
        OutboxMessage.Status status = message.status() == null ? OutboxMessage.Status.PENDING : message.status();
        return switch (status) {
            case SENT -> DeliveryStatus.SENT;
            case FAILED -> DeliveryStatus.FAILED;
            case WITHDRAWN -> DeliveryStatus.WITHDRAWN;
            case PENDING -> message.attempts() > 0 ? DeliveryStatus.RETRYING : DeliveryStatus.QUEUED;
        };
    }

    /** Published inside the enqueueing transaction; the worker wakes once it commits. */
    record MessageQueued() {}
}
