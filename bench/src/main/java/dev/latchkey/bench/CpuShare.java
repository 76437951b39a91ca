package dev.latchkey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Who used the machine's CPU during a phase: the server process, the benchmark's own JVM, and everything else (the
 * machine's /proc/stat minus those two), in cores. "Everything else" shows how much a neighbour disturbed the run.
 */
final class CpuShare {

    private final long serverPid;
    private long[] start;
    private long startNanos;

    CpuShare(long serverPid) {
        this.serverPid = serverPid;
    }

    void begin() {
        start = sample();
        startNanos = System.nanoTime();
    }

    /** Cores used by everything but the server and the load driver in the last phase. */
    double others;
    /** Cores used by the server in the last phase. */
    double server;
    /** CPU seconds used by the server in the last phase. */
    double serverSeconds;

    String end() {
        long[] now = sample();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double hz = 100.0; // USER_HZ on Linux
        double busy = (now[0] - start[0]) / hz / seconds;
        serverSeconds = (now[1] - start[1]) / hz;
        server = serverSeconds / seconds;
        double bench = (now[2] - start[2]) / hz / seconds;
        others = Math.max(0, busy - server - bench);
        return String.format(
                "CPU in cores: server %.2f, load driver %.2f, rest of the machine %.2f (of %d)",
                server,
                bench,
                Math.max(0, busy - server - bench),
                Runtime.getRuntime().availableProcessors());
    }

    private long[] sample() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < cpu.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(cpu[i]);
                }
            }
            return new long[] {
                busy, processTicks(Path.of("/proc/" + serverPid + "/stat")), processTicks(Path.of("/proc/self/stat"))
            };
        } catch (IOException | RuntimeException ex) {
            return new long[3];
        }
    }

    /** The groups of {@link #threadSeconds}, in the order printed. */
    static final String[] GROUPS = {"hashing", "requests", "JIT", "GC", "other"};

    /**
     * CPU seconds so far of the process's threads, by group of {@link #GROUPS}, from their names (Linux keeps 15
     * characters): the hashing threads ({@code argon2-N}), the virtual threads' carriers and Tomcat's threads, the JIT
     * compilers, the collector (the VM thread, where Serial GC runs), and the rest. A thread that ended since the first
     * sample takes its seconds with it, so a difference can miss a little.
     */
    static double[] threadSeconds(long pid) {
        double[] seconds = new double[GROUPS.length];
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    int group;
                    if (name.startsWith("argon2-")) {
                        group = 0;
                    } else if (name.startsWith("ForkJoinPool")
                            || name.startsWith("tomcat-")
                            || name.startsWith("http-")) {
                        group = 1;
                    } else if (name.contains("CompilerThre")) {
                        group = 2;
                    } else if (name.startsWith("VM Thread") || name.startsWith("GC Thread")) {
                        group = 3;
                    } else {
                        group = 4;
                    }
                    seconds[group] += processTicks(task.resolve("stat")) / 100.0; // USER_HZ on Linux
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException ex) {
            Arrays.fill(seconds, Double.NaN);
        }
        return seconds;
    }

    private static long processTicks(Path stat) throws IOException {
        String line = Files.readString(stat);
        String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
    }
}
