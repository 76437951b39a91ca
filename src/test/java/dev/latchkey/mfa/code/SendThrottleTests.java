package dev.latchkey.mfa.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.latchkey.delivery.DeliveryStatus;
import dev.latchkey.delivery.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * F-CODE-3 on a fixed clock: one send per 30 s and at most 5 per 15 minutes per user, over all channels; a code by
 * another channel whose message is failing does not hold this one back.
 */
class SendThrottleTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final long USER = 7;

    private final OneTimeCodeRepository repository = mock(OneTimeCodeRepository.class);
    private final Outbox outbox = mock(Outbox.class);
    private final SendThrottle throttle = new SendThrottle(repository, outbox, new CodeProperties(0, null, 0, null));
    private final List<OneTimeCode> sends = new ArrayList<>();
    private final Instant now = CLOCK.instant();

    @BeforeEach
    void codes() {
        when(repository.sentSince(anyLong(), any()))
                .thenAnswer(call -> sends.stream()
                        .filter(code -> code.createdAt().isAfter(call.getArgument(1, Instant.class)))
                        .toList());
        when(outbox.statusOf(any())).thenReturn(DeliveryStatus.SENT);
    }

    @Test
    void aUserWithoutRecentCodesMaySendNow() {
        SendThrottle.Verdict verdict = throttle.check(USER, "email", now);

        assertThat(verdict.open(now)).isTrue();
        assertThat(verdict.until()).isEqualTo(now);
    }

    @Test
    void theNextSendWaitsThirtySecondsFromTheNewestSendWhateverItsChannel() {
        sent(1, "sms", now.minusSeconds(10));

        for (String channel : List.of("sms", "email")) {
            SendThrottle.Verdict verdict = throttle.check(USER, channel, now);
            assertThat(verdict.open(now)).as(channel).isFalse();
            assertThat(verdict.onlyInterval(now)).as(channel).isTrue();
            assertThat(verdict.until()).as(channel).isEqualTo(now.plusSeconds(20));
        }
        assertThat(throttle.check(USER, "email", now.plusSeconds(20)).open(now.plusSeconds(20)))
                .isTrue();
    }

    @Test
    void theSixthSendWithinFifteenMinutesWaitsUntilTheOldestOfTheFiveLeavesTheWindow() {
        for (int i = 0; i < 5; i++) {
            sent(i + 1, "email", now.minus(Duration.ofMinutes(10 - i * 2L)));
        }

        SendThrottle.Verdict verdict = throttle.check(USER, "email", now);

        assertThat(verdict.onlyInterval(now)).isFalse();
        assertThat(verdict.until()).isEqualTo(now.plus(Duration.ofMinutes(5)));
        Instant later = now.plus(Duration.ofMinutes(5));
        assertThat(throttle.check(USER, "email", later).open(later)).isTrue();
    }

    @Test
    void aFailingCodeOfAnotherChannelDoesNotHoldThisChannelBack() {
        sent(1, "sms", now.minusSeconds(5));
        when(outbox.statusOf(OneTimeCodes.reference(1))).thenReturn(DeliveryStatus.RETRYING);

        assertThat(throttle.check(USER, "email", now).open(now)).isTrue();
        assertThat(throttle.check(USER, "sms", now).open(now))
                .as("the failing channel itself still waits")
                .isFalse();
    }

    @Test
    void theDeliveryOfASendWhoseIntervalIsOverIsNotEvenAskedFor() {
        sent(1, "sms", now.minusSeconds(31));

        assertThat(throttle.check(USER, "email", now).open(now)).isTrue();
        verify(outbox, never()).statusOf(any());
    }

    private void sent(long id, String channel, Instant at) {
        sends.add(new OneTimeCode(
                id, USER, "login-" + id, channel, "hash", at, at.plus(Duration.ofMinutes(10)), 0, null, null));
    }
}
