package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2HashingTests {

    private static final PasswordProperties.Argon2 COST = new PasswordProperties.Argon2(19456, 2, 1);

    @Test
    void hashesCarryTheConfiguredParametersAndVerify() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Argon2Hashing hashing = new Argon2Hashing(COST, 1, 32, meters)) {
            String hash = hashing.encode("correct horse battery staple");
            assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
            assertThat(hashing.matches("correct horse battery staple", hash)).isTrue();
            assertThat(hashing.matches("correct horse battery stapler", hash)).isFalse();
            assertThat(hashing.upgradeEncoding(hash)).isFalse();
        }
        // F-OPS-2: each of the three hashes was timed, in the queue and on the hashing thread
        assertThat(meters.get("latchkey.password.hash").timer().count()).isEqualTo(3);
        assertThat(meters.get("latchkey.password.hash.queued").timer().count()).isEqualTo(3);
        assertThat(meters.get("latchkey.password.hash").timer().totalTime(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isPositive();
    }

    @Test
    void anyDifferentParameterIsOutOfDateNotOnlyALowerOne() {
        try (Argon2Hashing hashing = new Argon2Hashing(COST, 1, 32, new SimpleMeterRegistry())) {
            assertThat(hashing.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 8192, 2).encode("x")))
                    .isTrue();
            assertThat(hashing.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 32768, 2).encode("x")))
                    .isTrue();
            assertThat(hashing.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 19456, 1).encode("x")))
                    .isTrue();
            assertThat(hashing.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 19456, 3).encode("x")))
                    .isTrue();
            assertThat(hashing.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 2, 19456, 2).encode("x")))
                    .isTrue();
            assertThat(hashing.upgradeEncoding(new Argon2PasswordEncoder(16, 64, 1, 19456, 2).encode("x")))
                    .isTrue();
            assertThat(hashing.upgradeEncoding("not a hash")).isTrue();
        }
    }

    @Test
    void manyConcurrentCallersQueueForTheHashingThreadsAndAllGetTheirAnswer() throws Exception {
        var callers = Executors.newFixedThreadPool(16);
        try (Argon2Hashing hashing =
                new Argon2Hashing(new PasswordProperties.Argon2(1024, 1, 1), 2, 64, new SimpleMeterRegistry())) {
            String hash = hashing.encode("right");
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String attempt = i % 2 == 0 ? "right" : "wrong";
                results.add(callers.submit(() -> hashing.matches(attempt, hash) == attempt.equals("right")));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            callers.shutdownNow();
        }
    }

    /** Beyond the bounded queue a caller is told at once to try again shortly, not made to wait. */
    @Test
    void aFullQueueRefusesAtOnceInsteadOfWaitingWithoutLimit() throws Exception {
        var callers = Executors.newFixedThreadPool(8);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Argon2Hashing hashing = new Argon2Hashing(new PasswordProperties.Argon2(19456, 8, 1), 1, 1, meters)) {
            String hash = new Argon2PasswordEncoder(16, 32, 1, 19456, 8).encode("right");
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> {
                    start.await();
                    try {
                        return hashing.matches("right", hash) ? "checked" : "wrong";
                    } catch (dev.latchkey.shared.web.TooBusyException busy) {
                        return "busy";
                    }
                }));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes)
                    .as("one hashing, one waiting, the rest refused")
                    .contains("busy")
                    .doesNotContain("wrong");
            assertThat(outcomes.stream().filter("checked"::equals).count()).isBetween(2L, 7L);
            assertThat(meters.get("latchkey.password.hash.rejected").counter().count())
                    .isEqualTo(outcomes.stream().filter("busy"::equals).count());
        } finally {
            callers.shutdownNow();
        }
    }
}
