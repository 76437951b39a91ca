package dev.latchkey.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.shared.RetentionSchedule;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.Purging;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * F-OPS-4: sent and finally failed messages go seven days after they ended; a pending message, claimed by a node or
 * waiting for its next try, stays however old it is.
 */
@IntegrationTest
class OutboxRetentionIntegrationTests {

    @Autowired
    OutboxRetention retention;

    @Autowired
    RetentionSchedule schedule;

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MutableClock clock;

    @Autowired
    ScheduledTaskHolder scheduler;

    private final String tag = "retention-" + System.nanoTime();

    @AfterEach
    void cleanUp() {
        clock.reset();
        // the pending rows below are never due; they must not stay behind for other tests' backlog
        jdbc.sql("delete from outbox_message where recipient like ?")
                .param(tag + "%")
                .update();
    }

    @Test
    void sentAndFailedMessagesGoAWeekAfterTheyEndedAndPendingOnesStay() throws Exception {
        String sent = tag + "-sent@acme.test";
        transaction.executeWithoutResult(
                status -> outbox.enqueue(new OutgoingMessage(Channel.EMAIL, sent, "hello", "body", null, null, null)));
        awaitSent(sent);
        Instant start = clock.instant();
        insert(tag + "-failed@acme.test", "FAILED", start, null, null);
        insert(tag + "-withdrawn@acme.test", "WITHDRAWN", start, null, null);
        insert(tag + "-waiting@acme.test", "PENDING", start.plus(Duration.ofDays(3650)), null, null);
        insert(tag + "-claimed@acme.test", "PENDING", start, start.plus(Duration.ofDays(3650)), null);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        insert(
                tag + "-recent@acme.test",
                "SENT",
                clock.instant(),
                null,
                clock.instant().minus(Duration.ofDays(6)));
        schedule.run(retention);

        assertThat(status(sent)).as("sent a week and a minute ago").isNull();
        assertThat(status(tag + "-failed@acme.test")).as("failed a week ago").isNull();
        assertThat(status(tag + "-withdrawn@acme.test"))
                .as("withdrawn, due a week ago")
                .isNull();
        assertThat(status(tag + "-waiting@acme.test")).as("pending, a week old").isEqualTo("PENDING");
        assertThat(status(tag + "-claimed@acme.test"))
                .as("pending and claimed, a week old")
                .isEqualTo("PENDING");
        assertThat(status(tag + "-recent@acme.test")).as("sent six days ago").isEqualTo("SENT");
    }

    @Test
    void aPurgeRunTwiceAndOnTwoNodesAtOnceRemovesEachOldMessageOnceWithoutErrors() throws Exception {
        Instant start = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new Object[] {tag + "-bulk@acme.test", Timestamp.from(start), Timestamp.from(start)});
        }
        template.batchUpdate(
                "insert into outbox_message (channel, recipient, subject, status, attempts,"
                        + " next_attempt_at, created_at, sent_at) values ('EMAIL', ?, 's', 'SENT', 1, ?, ?, ?)",
                rows.stream().map(r -> new Object[] {r[0], r[1], r[2], r[1]}).toList());
        insert(tag + "-claimed@acme.test", "PENDING", start, start.plus(Duration.ofDays(3650)), null);
        clock.advance(Duration.ofDays(8));

        Purging.onTwoThreadsAtOnce(() -> schedule.run(retention));
        schedule.run(retention);

        assertThat(jdbc.sql("select count(*) from outbox_message where recipient = ?")
                        .param(tag + "-bulk@acme.test")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(status(tag + "-claimed@acme.test")).isEqualTo("PENDING");
    }

    @Test
    void thePurgeRunsOnTheRetentionInterval() {
        assertThat(Purging.scheduledDelay(scheduler, RetentionSchedule.class, "purgeAll"))
                .isEqualTo(Duration.ofHours(1));
        assertThat(schedule.purges()).as("the schedule runs this purge").contains(retention);
    }

    private void insert(String recipient, String status, Instant nextAttemptAt, Instant claimedUntil, Instant sentAt) {
        Instant created = sentAt != null ? sentAt : clock.instant();
        jdbc.sql("insert into outbox_message (channel, recipient, subject, status, attempts, next_attempt_at,"
                        + " claimed_until, created_at, sent_at) values ('EMAIL', ?, 's', ?, 1, ?, ?, ?, ?)")
                .params(
                        recipient,
                        status,
                        Timestamp.from(nextAttemptAt),
                        claimedUntil == null ? null : Timestamp.from(claimedUntil),
                        Timestamp.from(created),
                        sentAt == null ? null : Timestamp.from(sentAt))
                .update();
    }

    private void awaitSent(String recipient) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(20);
        while (!"SENT".equals(status(recipient)) && Instant.now().isBefore(until)) {
            Thread.sleep(50);
        }
        assertThat(status(recipient)).as("the worker sent it").isEqualTo("SENT");
    }

    private String status(String recipient) {
        return jdbc.sql("select status from outbox_message where recipient = ?")
                .param(recipient)
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
