package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks in bench/ stay out of the production packages: they reach the server through its API or through
 * public test fixtures in src/test (e.g. {@code users/ServerArgon2}), never by living in a package to see its
 * package-private types.
 */
class BenchLayoutTests {

    @Test
    void benchClassesLiveOnlyInTheBenchPackage() throws IOException {
        Path sources = Path.of("bench/src/main/java");
        List<String> outside;
        try (Stream<Path> files = Files.walk(sources)) {
            outside = files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> sources.relativize(file).toString())
                    .filter(file -> !file.startsWith("dev/latchkey/bench/"))
                    .toList();
        }
        assertThat(sources.resolve("dev/latchkey/bench/LoadBenchmark.java")).exists();
        assertThat(outside).as("bench classes outside dev.latchkey.bench").isEmpty();
    }
}
