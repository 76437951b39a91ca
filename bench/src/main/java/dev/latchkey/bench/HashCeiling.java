package dev.latchkey.bench;

import dev.latchkey.users.ServerArgon2;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The ceiling: how many password verifications per second this machine does with one thread per core and nothing else
 * to do, for the configured cost. Measured twice, and the higher figure is the ceiling (the strict choice): with the
 * server's own encoder (its hashing threads and kept memory) and with Spring's plain {@code Argon2PasswordEncoder},
 * each after 10 s of warm-up.
 */
final class HashCeiling {

    record Measured(double server, double spring) {

        double ceiling() {
            return Math.max(server, spring);
        }

        @Override
        public String toString() {
            return String.format(
                    "%.1f hashes/s (the server's encoder %.1f, Spring's Argon2PasswordEncoder %.1f)",
                    ceiling(), server, spring);
        }
    }

    private HashCeiling() {}

    static Measured measure(int[] argon2, int threads, int seconds) throws InterruptedException {
        double server;
        try (ServerArgon2 encoder = new ServerArgon2(argon2[0], argon2[1], argon2[2], threads)) {
            server = rate(encoder, threads, seconds);
        }
        double spring = rate(new Argon2PasswordEncoder(16, 32, argon2[2], argon2[0], argon2[1]), threads, seconds);
        return new Measured(server, spring);
    }

    private static double rate(PasswordEncoder encoder, int threads, int seconds) throws InterruptedException {
        String hash = encoder.encode(BenchData.PASSWORD);
        // the JIT keeps improving the Argon2 loop for several seconds (measured: +10 % between the first and the fourth
        // 13 s window in a fresh JVM), so a short warm-up would understate the ceiling and flatter the ratio
        long warmUntil = System.nanoTime() + 10_000_000_000L;
        long start = warmUntil;
        long end = start + seconds * 1_000_000_000L;
        AtomicLong done = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(LoadBenchmark.started(() -> {
                long now;
                while ((now = System.nanoTime()) < end) {
                    if (!encoder.matches(BenchData.PASSWORD, hash)) {
                        throw new IllegalStateException("hash does not verify");
                    }
                    if (now >= start) {
                        done.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        // a hash started before the window but finished inside counts; one running at the end does not: fair on average
        return done.get() / (double) seconds;
    }
}
