package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The modules as Spring Modulith sees them. {@link #modulesKeepTheirBoundaries} runs {@code verify()}: no cycles
 * between modules, no module reaching into another's internals (only a module's base package and its named interfaces
 * are API), and no dependency that the module's {@code @ApplicationModule(allowedDependencies)} in its package-info
 * does not list. {@link #committedModuleDocsAreUpToDate} regenerates the module documentation and compares it with the
 * copy committed in {@code docs/modules}.
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LatchkeyApplication.class);

    static final Path COMMITTED = Path.of("docs", "modules");

    static final String WRITE = "latchkey.modules.write";

    static final String REGENERATE =
            "./mvnw -o test-compile surefire:test@default-test -Dtest=ModulesTests -D" + WRITE + "=true";

    @Test
    void modulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void committedModuleDocsAreUpToDate() throws IOException {
        if (Boolean.getBoolean(WRITE)) {
            document(COMMITTED);
            return;
        }
        Path generated = Path.of("target", "modules-docs");
        document(generated);
        Map<String, String> committed = read(COMMITTED);
        Map<String, String> current = read(generated);
        Set<String> names = new TreeSet<>(committed.keySet());
        names.addAll(current.keySet());
        List<String> outdated = names.stream()
                .filter(name -> !Objects.equals(committed.get(name), current.get(name)))
                .toList();
        assertThat(outdated)
                .as(
                        "docs/modules is out of date with the modules (compare with target/modules-docs); regenerate it"
                                + " with %s and commit it",
                        REGENERATE)
                .isEmpty();
    }

    /**
     * An overview diagram of all modules, a component diagram and a canvas per module, and all-docs.adoc. The
     * Documenter lists relations and beans in an order that changes from run to run, so each file's runs of such lines
     * are sorted: the same modules always give the same files.
     */
    private static void document(Path folder) throws IOException {
        DiagramOptions diagrams = DiagramOptions.defaults();
        CanvasOptions canvases = CanvasOptions.defaults();
        new Documenter(MODULES, Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams)
                .writeModuleCanvases(canvases)
                .writeAggregatingDocument(diagrams, canvases);
        for (Map.Entry<String, String> file : read(folder).entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), sortRuns(file.getValue()));
        }
    }

    /** Sorts each run of consecutive lines of one kind: PlantUML relations, components, or a canvas cell's list. */
    static String sortRuns(String text) {
        List<String> lines = List.of(text.split("\n", -1));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String kind = kind(lines.get(i));
            int end = i + 1;
            while (kind != null
                    && end < lines.size()
                    && kind.equals(kind(lines.get(end)))
                    && !lines.get(end).startsWith("|")) {
                end++;
            }
            List<String> run = new ArrayList<>(lines.subList(i, end));
            boolean cell = run.get(0).startsWith("|");
            run.set(0, cell ? run.get(0).substring(1) : run.get(0));
            Collections.sort(run);
            run.set(0, cell ? "|" + run.get(0) : run.get(0));
            out.addAll(run);
            i = end;
        }
        return String.join("\n", out);
    }

    private static String kind(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("Rel(")) {
            return "relation";
        }
        if (trimmed.startsWith("Component(")) {
            return "component";
        }
        return trimmed.startsWith("* ") || trimmed.startsWith("|* ") ? "item" : null;
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(
                        folder.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path).replace("\r\n", "\n"));
            }
        }
        return files;
    }
}
