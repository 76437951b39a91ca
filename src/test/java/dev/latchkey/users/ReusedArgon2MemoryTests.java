package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** The kept-memory verifier agrees with Spring's own Argon2id encoder, hash after hash on one thread. */
class ReusedArgon2MemoryTests {

    static final int MEMORY = 1024;
    static final Argon2PasswordEncoder SPRING = new Argon2PasswordEncoder(16, 32, 1, MEMORY, 2);

    @Test
    void theGeneratorsFieldCanBeSwapped() {
        assertThat(ReusedArgon2Memory.available())
                .as("Bouncy Castle still has the field this relies on")
                .isTrue();
    }

    @Test
    void everyHashSpringMakesIsVerifiedAndEveryWrongPasswordRefused() {
        ReusedArgon2Memory reused = new ReusedArgon2Memory(MEMORY, 2, 1);
        Random random = new Random(42);
        for (int i = 0; i < 40; i++) {
            String password = "pässwörd-" + random.nextLong() + (i % 3 == 0 ? "✓" : "");
            String hash = SPRING.encode(password);
            assertThat(reused.matches(password, hash))
                    .as("right password #%d", i)
                    .isTrue();
            assertThat(reused.matches(password + "x", hash))
                    .as("wrong password #%d", i)
                    .isFalse();
            assertThat(reused.matches(password, SPRING.encode(password + "y"))).isFalse();
        }
    }

    @Test
    void otherIterationsUseTheKeptMemoryAndOtherMemorySizesFallBack() {
        ReusedArgon2Memory reused = new ReusedArgon2Memory(MEMORY, 2, 1);
        String threeIterations = new Argon2PasswordEncoder(16, 32, 1, MEMORY, 3).encode("secret");
        assertThat(reused.matches("secret", threeIterations)).isTrue();
        assertThat(reused.matches("other", threeIterations)).isFalse();
        String otherMemory = new Argon2PasswordEncoder(16, 32, 1, 2048, 2).encode("secret");
        assertThat(reused.matches("secret", otherMemory))
                .as("not this memory size: the caller decides")
                .isNull();
        assertThat(reused.matches("secret", "{bcrypt}$2a$10$whatever")).isNull();
        assertThat(reused.matches("secret", "$argon2id$v=19$m=1024,t=2,p=1$!!!$???"))
                .isNull();
        assertThat(reused.matches(null, SPRING.encode("secret"))).isNull();
    }
}
