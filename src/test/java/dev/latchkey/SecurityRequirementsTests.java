package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One test per ASVS/NIST requirement that SECURITY.md claims as met. Each row must name code that exists and at least
 * one test method that exists in this build and is a JUnit test, so the document cannot claim what the build does not
 * check. The named tests themselves run in the same {@code ./mvnw verify}.
 */
class SecurityRequirementsTests {

    private static final Pattern ROW =
            Pattern.compile("^\\| ([^|]+?) \\| (.+?) \\| (met|partly|not yet|n\\.a\\.) \\| (.*?) \\| (.*?) \\|$");
    /** The level-3 extras table has no "where" column. */
    private static final Pattern SHORT_ROW =
            Pattern.compile("^\\| ([^|]+?) \\| (.+?) \\| (met|partly|not yet|n\\.a\\.) \\| (.*?) \\|$");

    private static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z0-9]+)#([a-zA-Z0-9_]+)`");
    private static final Pattern CODE_REF = Pattern.compile("`([a-z]+(?:/[a-z]+)*/[A-Z][A-Za-z0-9]+\\.java)`");

    @TestFactory
    Stream<DynamicTest> everyRequirementClaimedAsMetIsBackedByExistingCodeAndTests() throws IOException {
        Map<String, Class<?>> testClasses = testClasses();
        return rows().stream()
                .filter(row -> row[2].equals("met"))
                .map(row -> DynamicTest.dynamicTest(row[0], () -> {
                    Matcher tests = TEST_REF.matcher(row[4]);
                    int found = 0;
                    while (tests.find()) {
                        Class<?> type = testClasses.get(tests.group(1));
                        assertThat(type)
                                .as("%s cites test class %s", row[0], tests.group(1))
                                .isNotNull();
                        assertThat(isTest(type, tests.group(2)))
                                .as("%s cites %s#%s", row[0], tests.group(1), tests.group(2))
                                .isTrue();
                        found++;
                    }
                    assertThat(found)
                            .as("%s is 'met' but names no test", row[0])
                            .isPositive();
                    Matcher code = CODE_REF.matcher(row[3]);
                    while (code.find()) {
                        assertThat(Path.of("src/main/java/dev/latchkey", code.group(1)))
                                .as("%s cites %s", row[0], code.group(1))
                                .exists();
                    }
                }));
    }

    @Test
    void theMapCoversTheChaptersTheIssueNames() throws IOException {
        List<String[]> rows = rows();
        assertThat(rows)
                .extracting(r -> r[0])
                .anyMatch(id -> id.startsWith("V6."))
                .anyMatch(id -> id.startsWith("V7."))
                .anyMatch(id -> id.startsWith("V3."))
                .anyMatch(id -> id.startsWith("63B"));
        assertThat(rows).filteredOn(r -> r[2].equals("met")).hasSizeGreaterThan(30);
        long metLines = Files.readAllLines(Path.of("SECURITY.md")).stream()
                .filter(l -> l.contains("| met |"))
                .filter(l -> !l.contains("| met | partly |")) // the summary table's header
                .count();
        assertThat(rows.stream().filter(r -> r[2].equals("met")).count())
                .as("every 'met' row is read, none skipped by the parser")
                .isEqualTo(metLines);
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("SECURITY.md"))) {
            Matcher row = ROW.matcher(line.strip());
            Matcher shortRow = SHORT_ROW.matcher(line.strip());
            if (row.matches() && !row.group(1).equals("ID")) {
                rows.add(new String[] {row.group(1), row.group(2), row.group(3), row.group(4), row.group(5)});
            } else if (shortRow.matches() && !shortRow.group(1).equals("ID")) {
                rows.add(new String[] {shortRow.group(1), shortRow.group(2), shortRow.group(3), "", shortRow.group(4)});
            }
        }
        return rows;
    }

    private static boolean isTest(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.getName().equals(name)
                        && Stream.of(method.getAnnotations())
                                .anyMatch(a -> a.annotationType()
                                        .getSimpleName()
                                        .matches("Test|ParameterizedTest|TestFactory"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Map<String, Class<?>> testClasses() throws IOException {
        Map<String, Class<?>> classes = new HashMap<>();
        Path root = Path.of("target/test-classes");
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$"))
                    .forEach(p -> {
                        String name =
                                root.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
                        try {
                            Class<?> type = Class.forName(name);
                            classes.put(type.getSimpleName(), type);
                        } catch (ClassNotFoundException | LinkageError ignored) {
                            // not loadable here: not a test class this check needs
                        }
                    });
        }
        return classes;
    }
}
