package dev.latchkey.users;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks HotSpot's JIT to inline Bouncy Castle's Argon2 block functions into their loop, so every JVM hashes at the same,
 * full speed.
 *
 * <p>Why: with tiered compilation, C2 decides whether to inline {@code applyBlake} and {@code roundFunction} into
 * {@code fillSegment} from how big their earlier compiled versions happen to be. About one fresh JVM in three on JDK 25
 * (11 of 35) and three of four on JDK 17 got the smaller choice and then hashed at half speed for their whole life:
 * 13–17 instead of 26–40 verifications per second per core at the default cost (docs/performance.md). With the callees
 * force-inlined, all 20 JVMs tried were fast.
 *
 * <p>How: a compiler directive (JEP 165), added at run time through the {@code DiagnosticCommand} MBean, the same thing
 * {@code jcmd <pid> Compiler.directives_add} does. It must be in place before the first hash is compiled, so
 * {@link Argon2Hashing} installs it when it is created. Where the MBean does not exist (another JVM) nothing changes
 * but the speed. The directive only concerns the inlining of Bouncy Castle's Argon2 generator into itself. Reaching the
 * MBean starts the JVM's platform MBean server (not a remote JMX port); that costs a few milliseconds at start.
 */
final class Argon2Compilation {

    private static final Logger log = LoggerFactory.getLogger(Argon2Compilation.class);
    static final String DIRECTIVE = """
            [{ match: "org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*",
               inline: "+org/bouncycastle/crypto/generators/Argon2BytesGenerator*.*" }]
            """;
    private static Boolean installed;

    private Argon2Compilation() {}

    /**
     * Installs the directive once (per class loader: a development restart adds it again, which is harmless); answers
     * whether it is in place.
     */
    static synchronized boolean install() {
        if (installed == null) {
            installed = add();
        }
        return installed;
    }

    private static boolean add() {
        Path file = null;
        try {
            file = Files.createTempFile("latchkey-argon2-", ".json");
            Files.writeString(file, DIRECTIVE, StandardCharsets.UTF_8);
            Object answer = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "compilerDirectivesAdd",
                            new Object[] {new String[] {file.toString()}},
                            new String[] {String[].class.getName()});
            // HotSpot answers "<n> compiler directives added"; anything else (a parse error) means it was refused
            boolean added = String.valueOf(answer).contains("1 compiler directives added");
            if (added) {
                log.debug("Argon2 inlining directive added");
            } else {
                log.info("Argon2 inlining directive not added ({}); hashing may run slower", answer);
            }
            return added;
        } catch (IOException | JMException | RuntimeException | LinkageError ex) {
            log.info("Argon2 inlining directive not added ({}); hashing may run slower", ex.toString());
            return false;
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file of 150 bytes; the OS cleans its temp directory
                }
            }
        }
    }
}
