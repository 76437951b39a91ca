package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.shared.RetentionSchedule;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.Purging;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.InvitationStore.Purpose;
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

/**
 * F-OPS-4: invitation, reset and email-confirmation links go thirty days after their expiry, used or not; a link that
 * still works, or expired less than thirty days ago, stays.
 */
@IntegrationTest
class InvitationRetentionIntegrationTests {

    @Autowired
    InvitationRetention retention;

    @Autowired
    RetentionSchedule schedule;

    @Autowired
    InvitationStore store;

    @Autowired
    TestUsers testUsers;

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
    void usedAndExpiredLinksGoThirtyDaysAfterTheirExpiryAndLiveOnesStay() {
        long user = testUsers.portalUser("acme").id();
        Instant start = clock.instant();
        String unused = link(user, Purpose.PASSWORD, start, start.plus(Invitations.LIFETIME));
        String used = link(user, Purpose.PASSWORD, start, start.plus(Invitations.LIFETIME));
        assertThat(store.use(used, Purpose.PASSWORD, start)).isTrue();
        String confirmation = link(user, Purpose.EMAIL, start, start.plus(Invitations.LIFETIME));

        clock.advance(Invitations.LIFETIME.plus(Duration.ofDays(30)).plusMinutes(1));
        Instant now = clock.instant();
        String recentlyExpired =
                link(user, Purpose.PASSWORD, now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(29)));
        String live = link(user, Purpose.PASSWORD, now, now.plus(Invitations.LIFETIME));

        schedule.run(retention);

        assertThat(exists(unused))
                .as("expired thirty days and a minute ago, never used")
                .isFalse();
        assertThat(exists(used))
                .as("used, expired thirty days and a minute ago")
                .isFalse();
        assertThat(exists(confirmation))
                .as("an email confirmation link, as old")
                .isFalse();
        assertThat(exists(recentlyExpired)).as("expired 29 days ago").isTrue();
        assertThat(exists(live)).as("still valid").isTrue();
        assertThat(store.usable(live, Purpose.PASSWORD, clock.instant()))
                .as("and still works")
                .isPresent();
    }

    @Test
    void aPurgeRunTwiceAndOnTwoNodesAtOnceRemovesEachOldLinkOnceWithoutErrors() throws Exception {
        long user = testUsers.portalUser("acme").id();
        String tag = "bulk-" + System.nanoTime();
        Instant start = clock.instant();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new Object[] {
                user, tag + "-" + i, Timestamp.from(start), Timestamp.from(start.plus(Invitations.LIFETIME))
            });
        }
        template.batchUpdate(
                "insert into user_invitation (user_id, token_hash, created_at, expires_at)" + " values (?, ?, ?, ?)",
                rows);
        clock.advance(Invitations.LIFETIME.plus(Duration.ofDays(31)));
        String live =
                link(user, Purpose.PASSWORD, clock.instant(), clock.instant().plus(Invitations.LIFETIME));

        Purging.onTwoThreadsAtOnce(() -> schedule.run(retention));
        schedule.run(retention);

        assertThat(jdbc.sql("select count(*) from user_invitation where token_hash like ?")
                        .param(tag + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(exists(live)).isTrue();
    }

    @Test
    void thePurgeRunsOnTheRetentionInterval() {
        assertThat(Purging.scheduledDelay(scheduler, RetentionSchedule.class, "purgeAll"))
                .isEqualTo(Duration.ofHours(1));
        assertThat(schedule.purges()).as("the schedule runs this purge").contains(retention);
    }

    private String link(long user, Purpose purpose, Instant created, Instant expires) {
        String hash = Invitations.hash(Invitations.newToken());
        store.save(user, purpose, purpose == Purpose.EMAIL ? "new@acme.test" : null, hash, created, expires);
        return hash;
    }

    private boolean exists(String hash) {
        return jdbc.sql("select count(*) from user_invitation where token_hash = ?")
                        .param(hash)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
