package dev.latchkey.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/**
 * The JIT directive that keeps Argon2 hashing at full speed is accepted by this JVM. (Its effect on speed is measured
 * by the benchmarks, not here: see docs/performance.md.)
 */
class Argon2CompilationTests {

    @Test
    void hotSpotAcceptsTheDirectiveAndASecondCallDoesNotAddItAgain() throws Exception {
        assumeTrue(
                ManagementFactory.getPlatformMBeanServer()
                        .isRegistered(new ObjectName("com.sun.management:type=DiagnosticCommand")),
                "a HotSpot JVM");
        assertThat(Argon2Compilation.install())
                .as("HotSpot accepts the directive")
                .isTrue();
        assertThat(Argon2Compilation.install())
                .as("a second call answers from the first")
                .isTrue();
    }

    @Test
    void theDirectiveOnlyTouchesBouncyCastlesArgon2Generator() {
        assertThat(Argon2Compilation.DIRECTIVE)
                .contains("match: \"org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*\"")
                .contains("inline: \"+org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*\"");
    }
}
