package dev.latchkey.users;

import dev.latchkey.shared.web.TooBusyException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with the configured parameters, computed on a fixed pool of platform threads, one per core by default.
 *
 * <p>Why a pool: each hash needs {@code memory-kib} of memory and a core for tens of milliseconds. Run on the request
 * threads, 32 concurrent sign-ins would allocate 32 × 19 MiB at once and time-slice the cores between them, so every
 * sign-in waits for all the others; on virtual threads they would also pin the carrier threads, so no other request (a
 * code step, a page) could run at all until the hashes were done. Queued here instead (first come, first served), the
 * cores compute whole hashes one after another at their full rate, memory stays at threads × memory-kib, and the
 * request threads stay free for the cheap work. The queue is bounded: when it is full the request is answered "try
 * again shortly" ({@link TooBusyException}, a 429) at once instead of waiting behind a burst. The hashing threads run
 * at the lowest priority, which the JVM passes on to the OS with {@code -XX:ThreadPriorityPolicy=1}.
 *
 * <p>A stored hash is out of date when any of its parameters (memory, iterations, lanes, hash length) differs from the
 * configured ones, lower or higher: Spring's own check only upgrades lower ones.
 *
 * <p>Before anything is hashed, {@link Argon2Compilation} makes sure the JIT compiles the Argon2 loop at full speed.
 *
 * <p>Metrics (F-OPS-2): {@code latchkey.password.hash.queued} (time from submit to a hashing thread),
 * {@code latchkey.password.hash} (the hash itself) and {@code latchkey.password.hash.rejected} (queue full).
 */
final class Argon2Hashing implements PasswordEncoder, AutoCloseable {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final PasswordProperties.Argon2 cost;
    private final Argon2PasswordEncoder argon2;
    private final ExecutorService pool;
    private final ReusedArgon2Memory reused;
    private final Timer queued;
    private final Timer hashed;
    private final Counter rejected;

    Argon2Hashing(PasswordProperties.Argon2 cost, int threads, int maxQueued, MeterRegistry meters) {
        Argon2Compilation.install();
        this.cost = cost;
        this.argon2 = new Argon2PasswordEncoder(
                SALT_BYTES, HASH_BYTES, cost.parallelism(), cost.memoryKib(), cost.iterations());
        this.reused = new ReusedArgon2Memory(cost.memoryKib(), cost.iterations(), cost.parallelism());
        this.queued = Timer.builder("latchkey.password.hash.queued")
                .description("Time a password waited for an Argon2 thread")
                .register(meters);
        this.hashed = Timer.builder("latchkey.password.hash")
                .description("Time of one Argon2id hash or check")
                .register(meters);
        this.rejected = Counter.builder("latchkey.password.hash.rejected")
                .description("Passwords refused with 429 because the hashing queue was full")
                .register(meters);
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(maxQueued), r -> {
                    Thread thread = new Thread(r, "argon2-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    // with -XX:ThreadPriorityPolicy=1 this is nice +4 on Linux (lowering needs no privilege), so a
                    // request
                    // thread that wakes up gets a core at once and the hashes take only what the requests leave
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return onPool(() -> argon2.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return onPool(() -> {
            Boolean kept = reused.matches(rawPassword, encodedPassword);
            return kept != null ? kept : argon2.matches(rawPassword, encodedPassword);
        });
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        if (encodedPassword == null) {
            return false;
        }
        Matcher m = ReusedArgon2Memory.ENCODED.matcher(encodedPassword);
        if (!m.matches()) {
            return true;
        }
        return !m.group(1).equals(Integer.toString(cost.memoryKib()))
                || !m.group(2).equals(Integer.toString(cost.iterations()))
                || !m.group(3).equals(Integer.toString(cost.parallelism()))
                || m.group(5).length() != (HASH_BYTES * 4 + 2) / 3;
    }

    private <T> T onPool(Callable<T> work) {
        Future<T> result;
        long submitted = System.nanoTime();
        try {
            result = pool.submit(() -> {
                long started = System.nanoTime();
                queued.record(started - submitted, TimeUnit.NANOSECONDS);
                try {
                    return work.call();
                } finally {
                    hashed.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                }
            });
        } catch (RejectedExecutionException full) {
            rejected.increment();
            // the queue holds as much as the threads do in about half a second; waiting longer helps nobody
            throw new TooBusyException("password hashing queue full");
        }
        try {
            return result.get();
        } catch (InterruptedException ex) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a password hash", ex);
        } catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("password hashing failed", ex.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
