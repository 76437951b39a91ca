package dev.latchkey.users;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Argon2id cost ({@code latchkey.password.argon2.*}). The defaults are OWASP's and ASVS's minimum for Argon2id:
 * 19 MiB of memory, 2 iterations, 1 lane.
 */
@ConfigurationProperties("latchkey.password")
public record PasswordProperties(Argon2 argon2) {

    public PasswordProperties {
        if (argon2 == null) {
            argon2 = new Argon2(19456, 2, 1);
        }
    }

    public record Argon2(int memoryKib, int iterations, int parallelism) {

        public Argon2 {
            if (memoryKib < 1024 || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("latchkey.password.argon2: memory-kib >= 1024, iterations and "
                        + "parallelism >= 1");
            }
        }
    }
}
