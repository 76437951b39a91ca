package dev.latchkey.signin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.shared.RetentionSchedule;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.Purging;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * F-OPS-4: a password throttle row goes an hour after its last failure, when it stops counting, and never sooner, so a
 * purge gives nobody fresh attempts.
 */
@IntegrationTest
class ThrottleRetentionIntegrationTests {

    @Autowired
    ThrottleRetention retention;

    @Autowired
    RetentionSchedule schedule;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    MutableClock clock;

    @Autowired
    ScheduledTaskHolder scheduler;

    private final String tag = "retention" + System.nanoTime();

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRowGoesAnHourAfterItsLastFailureAndACountingOneStays() {
        String quiet = LoginThrottle.accountKey("acme", tag + "-quiet@acme.test");
        assertThat(throttle.reserve(quiet, LoginThrottle.addressKey("192.0.2.1")))
                .isEmpty();
        clock.advance(Duration.ofMinutes(61));
        String counting = LoginThrottle.accountKey("acme", tag + "-counting@acme.test");
        assertThat(throttle.reserve(counting, LoginThrottle.addressKey("192.0.2.2")))
                .isEmpty();
        clock.advance(Duration.ofMinutes(59));

        schedule.run(retention);

        assertThat(exists(quiet)).as("last failure two hours ago").isFalse();
        assertThat(exists(counting)).as("last failure 59 minutes ago").isTrue();
    }

    @Test
    void evenAnEarlierCutoffNeverRemovesARowThatStillCounts() {
        String counting = LoginThrottle.accountKey("acme", tag + "-floor@acme.test");
        assertThat(throttle.reserve(counting, LoginThrottle.addressKey("192.0.2.3")))
                .isEmpty();
        clock.advance(Duration.ofMinutes(30));

        throttle.forgetQuietRows(clock.instant());

        assertThat(exists(counting)).isTrue();
    }

    @Test
    void aPurgeRunTwiceAndOnTwoNodesAtOnceRemovesEachQuietRowOnceWithoutErrors() throws Exception {
        Timestamp at = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            rows.add(new Object[] {"account:acme|" + tag + "-" + i, at});
        }
        template.batchUpdate(
                "insert into login_throttle (throttle_key, failures, last_failure_at) values (?, 3, ?)", rows);
        clock.advance(Duration.ofHours(2));
        String counting = LoginThrottle.accountKey("acme", tag + "-live@acme.test");
        assertThat(throttle.reserve(counting, LoginThrottle.addressKey("192.0.2.4")))
                .isEmpty();

        Purging.onTwoThreadsAtOnce(() -> schedule.run(retention));
        schedule.run(retention);

        assertThat(jdbc.sql("select count(*) from login_throttle where throttle_key like ?")
                        .param("account:acme|" + tag + "-%")
                        .query(Integer.class)
                        .single())
                .as("only the counting row is left")
                .isOne();
        assertThat(exists(counting)).isTrue();
    }

    @Test
    void thePurgeRunsOnTheRetentionInterval() {
        assertThat(Purging.scheduledDelay(scheduler, RetentionSchedule.class, "purgeAll"))
                .isEqualTo(Duration.ofHours(1));
        assertThat(schedule.purges()).as("the schedule runs this purge").contains(retention);
    }

    private boolean exists(String key) {
        return jdbc.sql("select count(*) from login_throttle where throttle_key = ?")
                        .param(key)
                        .query(Integer.class)
                        .single()
                == 1;
    }
}
