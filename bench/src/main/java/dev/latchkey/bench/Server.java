package dev.latchkey.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Latchkey as a separate process (the packaged jar), so its memory is its own. */
final class Server implements AutoCloseable {

    final int port;
    final long startMillis;
    private final Process process;

    private Server(Process process, int port, long startMillis) {
        this.process = process;
        this.port = port;
        this.startMillis = startMillis;
    }

    /** Starts the jar and waits until the login page answers 200; {@link #startMillis} is launch to that answer. */
    static Server start(Path java, Path jar, List<String> jvmFlags, List<String> properties, Path log)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + port);
        properties.forEach(p -> command.add("--" + p));
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sites/bench/login"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited; see " + log + "\n" + tail(log));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return new Server(process, port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched));
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("server not ready in 120 s; see " + log);
    }

    /** Spring Boot's extracted layout (a thin jar plus lib/), whose class path CDS can archive; answers the jar. */
    static Path extract(Path java, Path jar, Path into) throws IOException, InterruptedException {
        if (Files.exists(into)) {
            try (var files = Files.walk(into)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Process extract = new ProcessBuilder(
                        java.toString(),
                        "-Djarmode=tools",
                        "-jar",
                        jar.toString(),
                        "extract",
                        "--destination",
                        into.toString())
                .inheritIO()
                .start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("jar extraction failed");
        }
        return into.resolve(jar.getFileName());
    }

    long pid() {
        return process.pid();
    }

    /** Resident set size in MiB (VmRSS), or the high-water mark (VmHWM). */
    double rssMib(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException ex) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException ex) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
