package dev.latchkey.mfa.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.latchkey.delivery.Outbox;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import dev.latchkey.shared.crypto.EncryptionKeys;
import dev.latchkey.test.TestEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * F-CODE-1/2 on a fixed clock: how one answer to an email or SMS code is judged. The database side (single use by a
 * conditional update, concurrency) is covered by {@code OneTimeCodesIntegrationTests} on H2 and PostgreSQL.
 */
class OneTimeCodesTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);
    private static final String LOGIN = "login-1";
    private static final long CODE_ID = 41;

    private final Instant now = CLOCK.instant();
    private final OneTimeCodeRepository repository = mock(OneTimeCodeRepository.class);
    private final CodeHasher hasher = new CodeHasher(EncryptionKeys.parse(TestEnvironment.ENCRYPTION_KEY));
    private final Outbox outbox = mock(Outbox.class);
    private final CodeProperties properties = new CodeProperties(0, null, 0, null);
    // judging an answer needs no user: sending (which locks the user's row) is the integration tests' part
    private final OneTimeCodes codes = new OneTimeCodes(
            repository, hasher, outbox, new SendThrottle(repository, outbox, properties), properties, CLOCK, null);
    private final FactorSubject subject = new FactorSubject(
            7, "Test User", "user@example.test", true, null, null, LOGIN, Duration.ofMinutes(10), Locale.ENGLISH);

    @Test
    void anAnswerThatIsNotSixDigitsIsMalformedAndNotLookedUp() {
        for (String answer : new String[] {null, "", "12345", "1234567", "12345a"}) {
            assertThat(codes.verify(subject, "email", answer).outcome())
                    .as("%s", answer)
                    .isEqualTo(Outcome.MALFORMED);
        }
        verifyNoInteractions(repository);
    }

    @Test
    void theRightCodeWithinItsLifetimeIsAcceptedWhenItsConditionalUpdateWins() {
        code(now.minusSeconds(60), now.plusSeconds(1), 0, "123456");
        when(repository.consume(CODE_ID, now, 5)).thenReturn(1);

        assertThat(codes.verify(subject, "email", "123456").accepted()).isTrue();
    }

    @Test
    void theRightCodeLosesWhenAnotherRequestUsedItFirst() {
        code(now.minusSeconds(60), now.plusSeconds(60), 0, "123456");
        when(repository.consume(anyLong(), any(), anyInt())).thenReturn(0);

        assertThat(codes.verify(subject, "email", "123456").outcome()).isEqualTo(Outcome.NO_CHALLENGE);
    }

    @Test
    void aCodeIsDeadFromTheInstantItExpires() {
        code(now.minus(Duration.ofMinutes(10)), now, 0, "123456");

        assertThat(codes.verify(subject, "email", "123456").outcome()).isEqualTo(Outcome.EXPIRED);
        verify(repository, never()).consume(anyLong(), any(), anyInt());
    }

    @Test
    void aCodeWhoseMessageHasNotGoneOutCannotBeAnsweredYet() {
        code(now.plusSeconds(20), now.plus(Duration.ofMinutes(10)), 0, "123456");

        assertThat(codes.verify(subject, "email", "123456").outcome()).isEqualTo(Outcome.NOT_SENT_YET);
        verify(repository, never()).countFailure(anyLong());
    }

    @Test
    void aWrongCodeCountsAndSaysHowManyTriesAreLeftUntilTheFifthEndsTheCode() {
        code(now.minusSeconds(60), now.plusSeconds(60), 0, "123456");
        for (int attempts = 1; attempts < 5; attempts++) {
            attemptsAfterThisFailure(attempts);
            Verification wrong = codes.verify(subject, "email", "654321");
            assertThat(wrong.outcome()).isEqualTo(Outcome.REJECTED);
            assertThat(wrong.attemptsLeft()).isEqualTo(5 - attempts);
        }
        attemptsAfterThisFailure(5);
        assertThat(codes.verify(subject, "email", "654321").outcome()).isEqualTo(Outcome.EXHAUSTED);
    }

    @Test
    void aCodeIsBoundToItsLoginSoTheSameDigitsFromAnotherLoginAreWrong() {
        OneTimeCode ours = code(now.minusSeconds(60), now.plusSeconds(60), 0, "123456");

        assertThat(hasher.matches("login-2", "123456", ours.codeHash())).isFalse();
        assertThat(hasher.matches(LOGIN, "123456", ours.codeHash())).isTrue();
    }

    @Test
    void withoutALiveCodeTheAnswerIsSupersededWhenTheUsersNewestCodeBelongsToAnotherSignIn() {
        when(repository.findFirstByLoginIdAndChannelOrderByIdDesc(LOGIN, "email"))
                .thenReturn(Optional.empty());
        when(repository.findNewestLive(7, now))
                .thenReturn(Optional.of(
                        new OneTimeCode(99L, 7, "login-2", "email", "hash", now, now.plusSeconds(600), 0, null, null)));

        assertThat(codes.verify(subject, "email", "123456").outcome()).isEqualTo(Outcome.SUPERSEDED);

        when(repository.findNewestLive(7, now)).thenReturn(Optional.empty());
        assertThat(codes.verify(subject, "email", "123456").outcome()).isEqualTo(Outcome.NO_CHALLENGE);
    }

    private OneTimeCode code(Instant createdAt, Instant expiresAt, int attempts, String digits) {
        OneTimeCode code = new OneTimeCode(
                CODE_ID, 7, LOGIN, "email", hasher.hash(LOGIN, digits), createdAt, expiresAt, attempts, null, null);
        when(repository.findFirstByLoginIdAndChannelOrderByIdDesc(LOGIN, "email"))
                .thenReturn(Optional.of(code));
        when(repository.findNewestLive(eq(7L), any())).thenReturn(Optional.of(code));
        return code;
    }

    private void attemptsAfterThisFailure(int attempts) {
        when(repository.findById(CODE_ID))
                .thenReturn(Optional.of(
                        new OneTimeCode(CODE_ID, 7, LOGIN, "email", "hash", now, now, attempts, null, null)));
    }
}
