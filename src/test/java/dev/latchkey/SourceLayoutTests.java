package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules about the sources that no formatter or module check covers. The benchmarks in bench/ stay out of the production
 * packages: they reach the server through its API or through public test fixtures in src/test (e.g.
 * {@code users/ServerArgon2}), never by living in a package to see its package-private types.
 */
class SourceLayoutTests {

    /**
     * Spotless (palantir-java-format, 120 columns) formats code and Javadoc but leaves string literals, text blocks and
     * line comments as written: this keeps those within 120 characters too.
     */
    @Test
    void noJavaLineIsLongerThan120Characters() throws IOException {
        List<String> tooLong = new java.util.ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "bench/src/main/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file);
                    for (int i = 0; i < lines.size(); i++) {
                        int length = lines.get(i).codePointCount(0, lines.get(i).length());
                        if (length > 120) {
                            tooLong.add(file + ":" + (i + 1) + " (" + length + ")");
                        }
                    }
                }
            }
        }
        assertThat(tooLong).as("lines over 120 characters").isEmpty();
    }

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
