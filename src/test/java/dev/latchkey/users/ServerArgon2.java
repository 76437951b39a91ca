package dev.latchkey.users;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The server's own password encoder ({@link Argon2Hashing}: its hashing threads, its kept Argon2 memory, its JIT
 * directive) for the load benchmark in bench/ (package dev.latchkey.bench): a public test fixture, so that no bench
 * class lives in a production package.
 */
public final class ServerArgon2 implements PasswordEncoder, AutoCloseable {

    private final Argon2Hashing hashing;

    /** With {@code threads} hashing threads, as {@code latchkey.password.hashing-threads} would give. */
    public ServerArgon2(int memoryKib, int iterations, int parallelism, int threads) {
        this.hashing = new Argon2Hashing(
                new PasswordProperties.Argon2(memoryKib, iterations, parallelism),
                threads,
                Integer.MAX_VALUE,
                new SimpleMeterRegistry());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return hashing.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return hashing.matches(rawPassword, encodedPassword);
    }

    @Override
    public void close() {
        hashing.close();
    }
}
