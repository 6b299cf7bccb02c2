package io.chatpulse.simulator.bench;

import java.util.Arrays;

/** Recorded latencies of one worker (no locking on the hot path), merged and sorted for the percentiles at the end. */
final class Latencies {

    private long[] nanos = new long[1 << 16];
    private int size;

    void add(long latencyNanos) {
        if (size == nanos.length) {
            nanos = Arrays.copyOf(nanos, size * 2);
        }
        nanos[size++] = latencyNanos;
    }

    int size() {
        return size;
    }

    static long[] sorted(Iterable<Latencies> all) {
        int total = 0;
        for (Latencies l : all) {
            total += l.size;
        }
        long[] merged = new long[total];
        int at = 0;
        for (Latencies l : all) {
            System.arraycopy(l.nanos, 0, merged, at, l.size);
            at += l.size;
        }
        Arrays.sort(merged);
        return merged;
    }
}
