package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The JIT directive that keeps Argon2 hashing at full speed is accepted by this JVM. (Its effect on speed is measured
 * by the benchmarks, not here: see docs/performance.md.)
 */
class Argon2CompilationTests {

    @Test
    void theDirectiveIsAcceptedOnceAndStaysInPlace() {
        assertThat(Argon2Compilation.install()).as("HotSpot accepts the directive").isTrue();
        assertThat(Argon2Compilation.install()).as("a second call adds nothing and still answers yes").isTrue();
    }

    @Test
    void theDirectiveOnlyTouchesBouncyCastlesArgon2Generator() {
        assertThat(Argon2Compilation.DIRECTIVE)
                .contains("match: \"org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*\"")
                .contains("inline: \"+org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*\"");
    }
}
