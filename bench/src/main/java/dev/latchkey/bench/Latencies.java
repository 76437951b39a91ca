package dev.latchkey.bench;

import java.util.Arrays;

/** Latencies of one step, recorded by one client thread; merged after the run. */
final class Latencies {

    private long[] nanos = new long[1024];
    private int size;

    void add(long value) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = value;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.nanos[i]);
        }
    }

    int count() {
        return size;
    }

    /** The p-th percentile (nearest rank) in milliseconds. */
    double percentileMs(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1e6;
    }

    String summary() {
        return String.format(
                "n=%6d  p50 %7.1f  p95 %7.1f  p99 %7.1f ms",
                size, percentileMs(50), percentileMs(95), percentileMs(99));
    }
}
