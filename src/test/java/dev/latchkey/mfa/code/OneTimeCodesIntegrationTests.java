package dev.latchkey.mfa.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.latchkey.delivery.Channel;
import dev.latchkey.delivery.DeliveryStatus;
import dev.latchkey.delivery.Outbox;
import dev.latchkey.delivery.OutgoingMessage;
import dev.latchkey.mfa.CodeChallenge;
import dev.latchkey.mfa.FactorSubject;
import dev.latchkey.mfa.Verification;
import dev.latchkey.mfa.Verification.Outcome;
import dev.latchkey.sites.Sites;
import dev.latchkey.test.IntegrationTest;
import dev.latchkey.test.MutableClock;
import dev.latchkey.test.TestUsers;
import dev.latchkey.users.UserView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The code store itself (F-CODE-1/2): storage, single use under concurrency, binding to the login. */
@IntegrationTest
class OneTimeCodesIntegrationTests {

    @Autowired
    OneTimeCodes codes;

    @Autowired
    TestUsers testUsers;

    @Autowired
    Sites sites;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    Outbox outbox;

    UserView user;

    @BeforeEach
    void setUp() {
        user = testUsers.portalUser("acme");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void storesOnlyAnHmacOfTheCodeAndNeverTheCodeItself() {
        FactorSubject subject = subject("login-a");
        String code = send(subject);
        String stored = jdbc.sql("select code_hash from one_time_code where login_id = ?")
                .param(subject.loginId())
                .query(String.class)
                .single();
        assertThat(code).matches("\\d{6}");
        assertThat(stored).hasSize(64).doesNotContain(code);
        String body = jdbc.sql("select body from outbox_message where user_id = ? order by id desc limit 1")
                .param(user.id())
                .query(String.class)
                .single();
        assertThat(body).as("the queued mail is encrypted at rest").doesNotContain(code);
    }

    @Test
    void eightConcurrentSubmissionsOfTheRightCodeHaveExactlyOneWinner() throws Exception {
        FactorSubject subject = subject("login-race");
        String code = send(subject);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Verification>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return codes.verify(subject, "email", code);
            }));
        }
        start.countDown();
        long winners = 0;
        for (Future<Verification> result : results) {
            winners += result.get().accepted() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(winners).isEqualTo(1);
    }

    @Test
    void aCodeDiesOnUse() {
        FactorSubject subject = subject("login-once");
        String code = send(subject);
        assertThat(codes.verify(subject, "email", code).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(codes.verify(subject, "email", code).outcome()).isEqualTo(Outcome.NO_CHALLENGE);
    }

    @Test
    void endReasonsAndOutboxStatusesAreStoredAsTheyAlwaysWereAndAnUnknownOneBreaksNothing() {
        FactorSubject subject = subject("login-stored");
        String code = send(subject);
        assertThat(jdbc.sql("select status from outbox_message where user_id = ? order by id desc limit 1")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .isIn("PENDING", "SENT");
        assertThat(codes.verify(subject, "email", code).accepted()).isTrue();
        assertThat(jdbc.sql("select end_reason from one_time_code where login_id = ?")
                        .param(subject.loginId())
                        .query(String.class)
                        .single())
                .isEqualTo("USED");
        // rows written by a newer version (then rolled back): read, not refused
        jdbc.sql("update one_time_code set end_reason = 'LATER' where login_id = ?")
                .param(subject.loginId())
                .update();
        jdbc.sql("update outbox_message set status = 'LATER' where user_id = ?")
                .param(user.id())
                .update();
        assertThat(codes.verify(subject, "email", code).outcome()).isEqualTo(Outcome.NO_CHALLENGE);
        assertThat(codes.current(subject, "email").status()).isEqualTo(CodeChallenge.Status.ENDED);
        long codeId = jdbc.sql("select id from one_time_code where login_id = ?")
                .param(subject.loginId())
                .query(Long.class)
                .single();
        assertThat(outbox.statusOf(OneTimeCodes.reference(codeId)))
                .as("read as a message not yet tried")
                .isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void aCodeIsBoundToItsLoginAndOnlyTheNewestCodeOfAUserWorks() {
        FactorSubject first = subject("login-1");
        String code = send(first);
        clock.advance(Duration.ofSeconds(31));
        FactorSubject second = subject("login-2");
        String newer = send(second);
        if (!newer.equals(code)) {
            assertThat(codes.verify(second, "email", code).accepted())
                    .as("bound to its login")
                    .isFalse();
        }
        assertThat(codes.verify(first, "email", code).outcome())
                .as("replaced by the newer sign-in's code")
                .isEqualTo(Outcome.SUPERSEDED);
        assertThat(codes.verify(second, "email", newer).accepted()).isTrue();
    }

    @Test
    void aLoginWithoutACodeWithinTheIntervalGetsOneWhoseMessageWaitsForTheIntervalsEnd() {
        FactorSubject first = subject("login-a1");
        String code = send(first);
        clock.advance(Duration.ofSeconds(10));
        FactorSubject second = subject("login-a2");
        AtomicReference<java.time.Instant> expires = new AtomicReference<>();
        var result = codes.send(second, "email", (c, expiresAt) -> {
            expires.set(expiresAt);
            return new OutgoingMessage(Channel.EMAIL, second.email(), "code", "Your code: " + c, null, null, null);
        });
        assertThat(result.sent()).isTrue();
        assertThat(result.sendsAt()).isAfter(clock.instant().plusSeconds(19));
        assertThat(expires.get())
                .as("valid for its whole lifetime once it goes out")
                .isEqualTo(result.sendsAt().plus(Duration.ofMinutes(5)));
        java.time.Instant due = jdbc.sql(
                        "select next_attempt_at from outbox_message where user_id = ?" + " order by id desc limit 1")
                .param(user.id())
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
        assertThat(Duration.between(due, result.sendsAt()).abs())
                .as("the message waits in the outbox")
                .isLessThan(Duration.ofMillis(1));
        assertThat(codes.current(first, "email").status()).isEqualTo(CodeChallenge.Status.ELSEWHERE);
        assertThat(codes.current(second, "email").status()).isEqualTo(CodeChallenge.Status.WAITING);
        assertThat(codes.verify(first, "email", code).outcome()).isEqualTo(Outcome.SUPERSEDED);
        assertThat(codes.verify(second, "email", code).outcome()).isEqualTo(Outcome.NOT_SENT_YET);
        assertThat(codes.send(second, "email", (c, e) -> {
                            throw new AssertionError("a login holding a code waits for the throttle");
                        })
                        .sent())
                .isFalse();
    }

    @Test
    void eightLoginsSendingAtOnceLeaveOneLiveCodeAndAtMostTwoMessages() throws Exception {
        List<FactorSubject> logins = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            logins.add(subject("login-par-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> sent = new ArrayList<>();
        for (FactorSubject login : logins) {
            sent.add(pool.submit(() -> {
                start.await();
                return codes.send(
                                login,
                                "email",
                                (c, expiresAt) -> new OutgoingMessage(
                                        Channel.EMAIL, login.email(), "code", "Your code: " + c, null, null, null))
                        .sent();
            }));
        }
        start.countDown();
        int made = 0;
        for (Future<Boolean> one : sent) {
            made += one.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(made)
                .as("five codes per 15 minutes, withdrawn ones included; the rest wait for the window")
                .isEqualTo(5);
        assertThat(logins.stream()
                        .filter(login -> codes.current(login, "email").status().equals(CodeChallenge.Status.ELSEWHERE))
                        .count())
                .isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from one_time_code where user_id = ? and ended_at is null")
                        .param(user.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from outbox_message where user_id = ? and status <> 'WITHDRAWN'")
                        .param(user.id())
                        .query(Long.class)
                        .single())
                .as("one now, one when the interval ends")
                .isEqualTo(2);
    }

    @Test
    void malformedAnswersAreNotCountedAsTries() {
        FactorSubject subject = subject("login-shape");
        String code = send(subject);
        for (String bad : List.of("", "12345", "1234567", "abcdef", "12 34 5x", "１２３４５６")) {
            assertThat(codes.verify(subject, "email", bad).outcome()).as(bad).isEqualTo(Outcome.MALFORMED);
        }
        assertThat(codes.verify(subject, "email", code.substring(0, 3) + " " + code.substring(3))
                        .accepted())
                .as("spaces inside a code are forgiven")
                .isTrue();
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

    private FactorSubject subject(String loginId) {
        return new FactorSubject(
                user.id(),
                user.displayName(),
                user.email(),
                true,
                null,
                sites.findBySlug("acme").orElseThrow().realm(),
                loginId + "-" + user.id(),
                Duration.ofMinutes(5),
                Locale.ENGLISH);
    }
}
