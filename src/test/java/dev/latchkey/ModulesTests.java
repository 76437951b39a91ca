package dev.latchkey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.CanvasOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The modules as Spring Modulith sees them. {@link #modulesKeepTheirBoundaries} runs {@code verify()}: no cycles
 * between modules, no module reaching into another's internals (only a module's base package and its named
 * interfaces are API), and no dependency that the module's {@code @ApplicationModule(allowedDependencies)} in its
 * package-info does not list. {@link #committedModuleDocsAreUpToDate} regenerates the module documentation and
 * compares it with the copy committed in {@code docs/modules}.
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(LatchkeyApplication.class);

    static final Path COMMITTED = Path.of("docs", "modules");

    static final String WRITE = "latchkey.modules.write";

    static final String REGENERATE = "./mvnw -o test-compile surefire:test@default-test -Dtest=ModulesTests -D"
            + WRITE + "=true";

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
        assertThat(read(COMMITTED))
                .as("docs/modules is out of date with the modules; regenerate it with %s and commit it", REGENERATE)
                .isEqualTo(read(generated));
    }

    /** An overview diagram of all modules, a component diagram and a canvas per module, and all-docs.adoc. */
    private static void document(Path folder) {
        DiagramOptions diagrams = DiagramOptions.defaults();
        CanvasOptions canvases = CanvasOptions.defaults();
        new Documenter(MODULES, Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml(diagrams)
                .writeIndividualModulesAsPlantUml(diagrams)
                .writeModuleCanvases(canvases)
                .writeAggregatingDocument(diagrams, canvases);
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(path).toString().replace('\\', '/'),
                        Files.readString(path).replace("\r\n", "\n"));
            }
        }
        return files;
    }
}
