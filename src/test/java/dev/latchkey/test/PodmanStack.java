package dev.latchkey.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The compose stack of {@code deploy/compose/stack.sh} (two Latchkey nodes, PostgreSQL, HAProxy, all on the host
 * network) under its own name and on free ports, for {@code ContainerStackTests}. Codes go to the test's GreenMail.
 */
public final class PodmanStack {

    public final int lbPort;
    public final int node1Port;
    public final int node2Port;
    public final int node1ManagementPort;
    public final int node2ManagementPort;
    public final int postgresPort;
    private final Path stackDir;
    private final Map<String, String> environment = new HashMap<>();

    public PodmanStack(String name, int smtpPort, Map<String, String> nodeSettings) {
        int[] ports = freePorts(7);
        lbPort = ports[0];
        node1Port = ports[1];
        node2Port = ports[2];
        node1ManagementPort = ports[3];
        node2ManagementPort = ports[4];
        postgresPort = ports[5];
        stackDir = Path.of("target", "container-stack").toAbsolutePath();
        try {
            Files.createDirectories(stackDir);
            Path nodeEnv = stackDir.resolve("node.env");
            StringBuilder lines = new StringBuilder();
            nodeSettings.forEach(
                    (key, value) -> lines.append(key).append('=').append(value).append('\n'));
            Files.writeString(nodeEnv, lines, StandardCharsets.UTF_8);
            environment.put("NODE_ENV_FILE", nodeEnv.toString());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        environment.put("STACK", name);
        environment.put("STACK_DIR", stackDir.toString());
        environment.put("LB_ADDRESS", "127.0.0.1");
        environment.put("LB_PORT", Integer.toString(lbPort));
        environment.put("LB_ADMIN_PORT", Integer.toString(ports[6]));
        environment.put("NODE1_PORT", Integer.toString(node1Port));
        environment.put("NODE2_PORT", Integer.toString(node2Port));
        environment.put("NODE1_MANAGEMENT_PORT", Integer.toString(node1ManagementPort));
        environment.put("NODE2_MANAGEMENT_PORT", Integer.toString(node2ManagementPort));
        environment.put("PG_PORT", Integer.toString(postgresPort));
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("SPRING_MAIL_PORT", Integer.toString(smtpPort));
    }

    /** Runs {@code deploy/compose/stack.sh} with the arguments; fails with its output unless it exits 0. */
    public void run(String... arguments) {
        run(20, arguments);
    }

    public void run(int timeoutMinutes, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of("deploy", "compose", "stack.sh").toAbsolutePath().toString());
        command.addAll(List.of(arguments));
        try {
            Path log = Files.createTempFile(stackDir, "stack-", ".log");
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("stack.sh " + String.join(" ", arguments) + " took over " + timeoutMinutes
                        + " min:\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            Files.delete(log);
            if (process.exitValue() != 0) {
                throw new AssertionError("stack.sh " + String.join(" ", arguments) + " failed:\n" + output);
            }
        } catch (IOException ex) {
            throw new AssertionError("stack.sh " + String.join(" ", arguments) + ": " + ex, ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /** A JDBC connection to the stack's PostgreSQL as the application's user. */
    public Connection database() throws SQLException, IOException {
        String password = Files.readAllLines(stackDir.resolve("secrets.env")).stream()
                .filter(line -> line.startsWith("POSTGRES_PASSWORD="))
                .map(line -> line.substring("POSTGRES_PASSWORD=".length()))
                .findFirst()
                .orElseThrow();
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/latchkey", "latchkey", password);
    }

    private static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        } finally {
            sockets.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // a port we only looked at
                }
            });
        }
    }
}
