package dev.latchkey.mfa.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.Verification.Outcome;
import dev.latchkey.shared.RetentionSchedule;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.Purging;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/** F-OPS-4: codes go a day after their expiry; a code that still works, or expired less than a day ago, stays. */
@IntegrationTest
class CodeRetentionIntegrationTests {

    private static final Duration TTL = Duration.ofMinutes(5);

    @Autowired
    CodeRetention retention;

    @Autowired
    RetentionSchedule schedule;

    @Autowired
    OneTimeCodes codes;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Sites sites;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    MutableClock clock;

    @Autowired
    ScheduledTaskHolder scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void expiredAndUsedCodesGoADayAfterTheirExpiryAndLiveOnesStay() {
        FactorSubject expired = subject(testUsers.portalUser("acme"), "expired");
        send(expired);
        FactorSubject used = subject(testUsers.portalUser("acme"), "used");
        assertThat(codes.verify(used, "email", send(used)).outcome()).isEqualTo(Outcome.ACCEPTED);

        clock.advance(TTL.plus(Duration.ofDays(1)).plusMinutes(1));
        FactorSubject recentlyExpired = subject(testUsers.portalUser("acme"), "recent");
        send(recentlyExpired);
        clock.advance(TTL.plus(Duration.ofHours(23)));
        FactorSubject live = subject(testUsers.portalUser("acme"), "live");
        String liveCode = send(live);

        schedule.run(retention);

        assertThat(count(expired)).as("expired a day and a minute ago").isZero();
        assertThat(count(used)).as("used, and expired a day and a minute ago").isZero();
        assertThat(count(recentlyExpired)).as("expired 23 hours ago").isOne();
        assertThat(count(live)).as("still valid").isOne();
        assertThat(codes.verify(live, "email", liveCode).outcome())
                .as("and still works")
                .isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void aPurgeRunTwiceAndOnTwoNodesAtOnceRemovesEachOldCodeOnceWithoutErrors() throws Exception {
        UserView user = testUsers.portalUser("acme");
        String tag = "bulk-" + System.nanoTime();
        insertCodes(user, tag, 2_500, clock.instant());
        clock.advance(TTL.plus(Duration.ofDays(1)).plusMinutes(1));
        FactorSubject live = subject(testUsers.portalUser("acme"), "live");
        send(live);

        Purging.onTwoThreadsAtOnce(() -> schedule.run(retention));
        schedule.run(retention);

        assertThat(jdbc.sql("select count(*) from one_time_code where login_id like ?")
                        .param(tag + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(count(live)).isOne();
    }

    @Test
    void thePurgeRunsOnTheRetentionInterval() {
        assertThat(Purging.scheduledDelay(scheduler, RetentionSchedule.class, "purgeAll"))
                .isEqualTo(Duration.ofHours(1));
        assertThat(schedule.purges()).as("the schedule runs this purge").contains(retention);
    }

    private void insertCodes(UserView user, String tag, int count, Instant createdAt) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {
                user.id(), tag + "-" + i, "0".repeat(64), Timestamp.from(createdAt), Timestamp.from(createdAt.plus(TTL))
            });
        }
        template.batchUpdate(
                "insert into one_time_code (user_id, login_id, channel, code_hash, created_at, expires_at,"
                        + " attempts) values (?, ?, 'email', ?, ?, ?, 0)",
                rows);
    }

    private int count(FactorSubject subject) {
        return jdbc.sql("select count(*) from one_time_code where login_id = ?")
                .param(subject.loginId())
                .query(Integer.class)
                .single();
    }

    private String send(FactorSubject subject) {
        AtomicReference<String> sent = new AtomicReference<>();
        var result = codes.send(subject, "email", (code, expiresAt) -> {
            sent.set(code);
            return new OutgoingMessage(Channel.EMAIL, subject.email(), "code", "Your code: " + code, null, null, null);
        });
        assertThat(result.sent()).isTrue();
        return sent.get();
    }

    private FactorSubject subject(UserView user, String loginId) {
        return new FactorSubject(
                user.id(),
                user.displayName(),
                user.email(),
                true,
                null,
                sites.findBySlug("acme").orElseThrow().realm(),
                loginId + "-" + user.id(),
                TTL,
                Locale.ENGLISH);
    }
}
