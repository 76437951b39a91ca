package dev.latchkey.delivery;

import dev.latchkey.delivery.sms.SmsSender;
import dev.latchkey.delivery.sms.SmsSenders;
import dev.latchkey.shared.crypto.SecretCipher;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends due outbox messages. Runs on its own thread, woken after each enqueue and on a timer; several nodes may run it
 * at once because each message is claimed with a conditional update before it is sent.
 *
 * <p>On shutdown it claims nothing more, lets the message in hand finish (up to {@link #STOP_WAIT}), and gives back a
 * claim it took but did not start to send, so another node sends it at once instead of after the claim timeout.
 */
@Component
class OutboxWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);
    private static final int BATCH = 20;
    /** Longer than one SMTP exchange may take (connect 5 s, write 10 s, read 10 s). */
    static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final OutboxRepository repository;
    private final MailSender mail;
    private final SmsSender sms;
    private final SecretCipher cipher;
    private final DeliveryProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final DeliveryMetrics metrics;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wanted = new AtomicBoolean();

    OutboxWorker(
            OutboxRepository repository,
            MailSender mail,
            SmsSenders sms,
            SecretCipher cipher,
            DeliveryProperties properties,
            Clock clock,
            ApplicationEventPublisher events,
            DeliveryMetrics metrics) {
        this.repository = repository;
        this.mail = mail;
        this.sms = sms;
        this.cipher = cipher;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.metrics = metrics;
    }

    @TransactionalEventListener
    void onQueued(Outbox.MessageQueued queued) {
        wake();
    }

    @Scheduled(fixedDelayString = "${latchkey.delivery.poll-interval:PT2S}")
    void onTimer() {
        wake();
    }

    /** Asks for a drain; wake-ups that arrive while one runs fold into one more pass. */
    void wake() {
        if (!stopping.get() && wanted.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                wanted.set(false);
            }
        }
    }

    private void drain() {
        wanted.set(false);
        try {
            List<Long> due;
            do {
                Instant now = clock.instant();
                due = repository.findDue(now, BATCH);
                for (Long id : due) {
                    if (stopping.get()) {
                        return;
                    }
                    if (repository.claim(id, now, now.plus(properties.claimTimeout())) == 1) {
                        if (stopping.get()) {
                            repository.release(id);
                            return;
                        }
                        repository.findById(id).ifPresent(this::deliver);
                    }
                }
            } while (due.size() == BATCH && !stopping.get());
        } catch (RuntimeException ex) {
            log.warn("Outbox pass failed; the next pass retries: {}", ex.toString());
        }
    }

    private void deliver(OutboxMessage message) {
        String body;
        try {
            body = cipher.decrypt(Outbox.BODY_PURPOSE, message.body());
        } catch (RuntimeException ex) {
            failed(
                    message,
                    new DeliveryException("message body cannot be decrypted with the configured keys", false, ex));
            return;
        }
        try {
            switch (message.channel()) {
                case EMAIL -> mail.send(message.recipient(), message.subject(), body);
                case SMS -> {
                    SmsSender.SmsResult result = sms.send(message.recipient(), body);
                    if (!result.accepted()) {
                        throw new DeliveryException(result.detail(), result.retryable(), null);
                    }
                }
            }
        } catch (DeliveryException ex) {
            failed(message, ex);
            return;
        } catch (RuntimeException ex) {
            failed(message, new DeliveryException("unexpected " + ex.getClass().getSimpleName(), true, ex));
            return;
        }
        // sent: nothing after this point may turn the message back into a failure
        Instant sentAt = clock.instant();
        repository.markSent(message.id(), sentAt);
        try {
            metrics.sent(message.channel(), Duration.between(message.createdAt(), sentAt));
            events.publishEvent(
                    new MessageSent(message.channel(), message.recipient(), message.subject(), body, sentAt));
        } catch (RuntimeException ex) {
            log.warn(
                    "Outbox message {} was sent; telling the rest of the application failed: {}",
                    message.id(),
                    ex.toString());
        }
    }

    private void failed(OutboxMessage message, DeliveryException ex) {
        int attempts = message.attempts() + 1;
        boolean permanent = !ex.retryable() || attempts >= properties.maxAttempts();
        Instant next = clock.instant().plus(properties.backoff(attempts));
        String error = ex.getMessage() == null ? "delivery failed" : truncate(ex.getMessage());
        OutboxMessage.Status status = permanent ? OutboxMessage.Status.FAILED : OutboxMessage.Status.PENDING;
        repository.markFailed(message.id(), status, attempts, next, error);
        metrics.failed(message.channel(), permanent);
        log.warn(
                "Delivery of outbox message {} ({}) failed, attempt {}{}: {}",
                message.id(),
                message.channel(),
                attempts,
                permanent ? ", giving up" : "",
                error);
        events.publishEvent(new DeliveryFailed(
                message.channel(), message.realm(), message.userId(), message.reference(), attempts, permanent, error));
    }

    private static String truncate(String value) {
        return value.length() <= 500 ? value : value.substring(0, 500);
    }

    /** After the web server has drained (graceful shutdown), before the database pool closes. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping.set(true);
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            // a send that hangs past the SMTP timeouts: its claim lapses after latchkey.delivery.claim-timeout
            log.warn("Outbox worker still sending after {}; stopping it", STOP_WAIT);
            executor.shutdownNow();
        }
    }
}
