package dev.latchkey.users;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id cost ({@code latchkey.password.argon2.*}). The defaults are OWASP's and ASVS's minimum for Argon2id: 19 MiB
 * of memory, 2 iterations, 1 lane. {@code hashing-threads} is how many hashes run at once; 0 (the default) means one
 * per available core. {@code hashing-queue} is how many more may wait for a thread on this node; 0 (the default) means
 * 32 per thread, about half a second of work. Beyond it a request is told to try again shortly instead of waiting
 * without limit. {@code min-length} is the shortest password a person may choose (default 12, at least 8:
 * {@link PasswordPolicy}).
 */
@ConfigurationProperties("latchkey.password")
record PasswordProperties(
        @DefaultValue Argon2 argon2,
        int hashingThreads,
        int hashingQueue,
        @DefaultValue("12") int minLength) {

    public PasswordProperties {
        if (minLength < PasswordPolicy.LOWEST_MINIMUM || minLength > 64) {
            throw new IllegalArgumentException("latchkey.password.min-length: from 8 to 64 (ASVS 5.0 V6.2.1)");
        }
        if (argon2 == null) {
            argon2 = new Argon2(19456, 2, 1);
        }
        if (hashingThreads < 0) {
            throw new IllegalArgumentException("latchkey.password.hashing-threads: 0 (one per core) or more");
        }
        if (hashingQueue < 0) {
            throw new IllegalArgumentException("latchkey.password.hashing-queue: 0 (32 per thread) or more");
        }
    }

    public record Argon2(
            @DefaultValue("19456") int memoryKib,
            @DefaultValue("2") int iterations,
            @DefaultValue("1") int parallelism) {

        public Argon2 {
            if (memoryKib < 1024 || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException(
                        "latchkey.password.argon2: memory-kib >= 1024, iterations and " + "parallelism >= 1");
            }
        }
    }
}
