package dev.latchkey.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The ceiling: how many password verifications per second the configured encoder (Spring's Argon2PasswordEncoder,
 * as in the server) does on this machine with one thread per core and nothing else to do.
 */
final class HashCeiling {

    private HashCeiling() {}

    static double measure(int[] argon2, int threads, int seconds) throws InterruptedException {
        Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, argon2[2], argon2[0], argon2[1]);
        String hash = encoder.encode(BenchData.PASSWORD);
        long warmUntil = System.nanoTime() + 3_000_000_000L;
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
