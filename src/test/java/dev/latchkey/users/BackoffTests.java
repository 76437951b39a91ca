package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The growing delays behind the password throttle and the second-factor gate, on a fixed clock: free failures, then a
 * doubling wait from the last failure, capped, and never a lock-out.
 */
class BackoffTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final Duration CAP = Duration.ofMinutes(15);

    private final Backoff backoff = new Backoff(5, CAP);
    private final Instant now = CLOCK.instant();

    @Test
    void theFreeFailuresCostNothing() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(backoff.blockedUntil(failures, now, now))
                    .as("%d failures", failures)
                    .isEmpty();
        }
    }

    @Test
    void eachFailureAfterTheFreeOnesDoublesTheWaitFromTheLastFailure() {
        assertThat(backoff.blockedUntil(5, now, now)).contains(now.plusSeconds(1));
        assertThat(backoff.blockedUntil(6, now, now)).contains(now.plusSeconds(2));
        assertThat(backoff.blockedUntil(7, now, now)).contains(now.plusSeconds(4));
        assertThat(backoff.blockedUntil(10, now, now)).contains(now.plusSeconds(32));
    }

    @Test
    void theWaitIsCappedAndHugeCountsDoNotOverflow() {
        assertThat(backoff.blockedUntil(15, now, now)).contains(now.plus(CAP));
        assertThat(backoff.blockedUntil(Integer.MAX_VALUE, now, now)).contains(now.plus(CAP));
    }

    @Test
    void onceTheWaitIsOverTheNextAttemptIsAdmittedSoThereIsNoLockOut() {
        Instant last = now.minusSeconds(4);
        assertThat(backoff.blockedUntil(7, last, now))
                .as("4 s after the 7th failure")
                .isEmpty();
        assertThat(backoff.blockedUntil(7, last, now.minusMillis(1))).contains(now);
        assertThat(backoff.blockedUntil(1_000, now.minus(CAP), now))
                .as("the cap is the longest wait")
                .isEmpty();
    }

    @Test
    void withoutAFailureTimeNothingWaits() {
        assertThat(backoff.blockedUntil(50, null, now)).isEmpty();
    }
}
