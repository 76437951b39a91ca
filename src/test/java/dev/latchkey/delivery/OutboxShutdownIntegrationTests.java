package dev.latchkey.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.delivery.sms.SmsSenders;
import dev.latchkey.shared.crypto.SecretCipher;
import dev.latchkey.test.IntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * F-OPS-2: a node that shuts down lets the message in hand finish and claims nothing more, so another node sends the
 * rest at once, and nothing is sent twice.
 */
@IntegrationTest
class OutboxShutdownIntegrationTests {

    @Autowired
    OutboxRepository repository;

    @Autowired
    Outbox outbox;

    @Autowired
    SmsSenders sms;

    @Autowired
    SecretCipher cipher;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    DeliveryMetrics metrics;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStoppingWorkerFinishesTheMessageInHandAndClaimsNoOther() throws Exception {
        // two messages due only an hour from now: the application's own worker leaves them alone, while this
        // stopping node's worker runs on a clock two hours ahead
        String run = Long.toString(System.nanoTime());
        List<Long> ids = List.of(queue("first-" + run), queue("second-" + run));
        Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        List<String> sent = new CopyOnWriteArrayList<>();
        MailSender slowSmtp = (to, subject, body) -> {
            sending.countDown();
            await(mayFinish);
            sent.add(to);
        };
        OutboxWorker node = new OutboxWorker(
                repository, slowSmtp, sms, cipher, properties, ahead.withZone(ZoneOffset.UTC), events, metrics);
        node.wake();
        assertThat(sending.await(10, TimeUnit.SECONDS))
                .as("the worker started to send")
                .isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(stopping(node));
        Thread.sleep(300);
        assertThat(stopped).as("stop waits for the message in hand").isNotDone();
        mayFinish.countDown();
        stopped.get(OutboxWorker.STOP_WAIT.toSeconds() + 5, TimeUnit.SECONDS);

        assertThat(sent).as("exactly one message went out").hasSize(1);
        assertThat(statusOf(ids.get(0))).isEqualTo("SENT");
        assertThat(statusOf(ids.get(1))).isEqualTo("PENDING");
        assertThat(claimedUntil(ids.get(1)))
                .as("the second one was never claimed: any node may send it now")
                .isNull();
        node.wake();
        Thread.sleep(300);
        assertThat(sent).as("a stopped worker sends nothing more").hasSize(1);
    }

    /** Queued and moved an hour ahead in one transaction, so the application's own worker never sees it due. */
    private long queue(String reference) {
        return transactions.execute(tx -> {
            outbox.enqueue(new OutgoingMessage(
                    Channel.EMAIL, reference + "@example.test", "Shutdown test", "body", reference, "acme", null));
            long id = jdbc.sql("select id from outbox_message where reference = ?")
                    .param(reference)
                    .query(Long.class)
                    .single();
            jdbc.sql("update outbox_message set next_attempt_at = ? where id = ?")
                    .param(Timestamp.from(Instant.now().plus(Duration.ofHours(1))))
                    .param(id)
                    .update();
            return id;
        });
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from outbox_message where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private Timestamp claimedUntil(long id) {
        return jdbc.sql("select claimed_until from outbox_message where id = ?")
                .param(id)
                .query(Timestamp.class)
                .optional()
                .orElse(null);
    }

    private static Runnable stopping(OutboxWorker node) {
        return () -> {
            try {
                node.stop();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
