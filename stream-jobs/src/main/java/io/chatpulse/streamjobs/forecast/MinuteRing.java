package io.chatpulse.streamjobs.forecast;

/**
 * Sums and counts per minute of event time over the last {@code size} minutes, in a ring: the
 * rolling means of the forecast (handle times, waits) without a list of every value. A Flink POJO.
 */
public class MinuteRing {
    /** The minute each slot holds (epoch minutes); a slot of another minute is stale. */
    public long[] minutes = new long[0];
    public long[] sums = new long[0];
    public int[] counts = new int[0];

    public MinuteRing() {
    }

    /** Adds to the minute of {@code at}, in a ring of {@code size} minutes (a new size starts it again). */
    public void add(long at, int size, long sum, int count) {
        if (minutes.length != size) {
            minutes = new long[size];
            java.util.Arrays.fill(minutes, Long.MIN_VALUE);
            sums = new long[size];
            counts = new int[size];
        }
        long minute = Math.floorDiv(at, 60_000L);
        int slot = (int) Math.floorMod(minute, (long) size);
        if (minutes[slot] > minute) {
            return; // a whole ring older than what the slot holds: outside the window already
        }
        if (minutes[slot] != minute) {
            minutes[slot] = minute;
            sums[slot] = 0;
            counts[slot] = 0;
        }
        sums[slot] += sum;
        counts[slot] += count;
    }

    /** The sum over the minutes of the ring that are within its size of {@code at}'s minute. */
    public long sum(long at) {
        long total = 0;
        for (int i = 0; i < minutes.length; i++) {
            total += current(i, at) ? sums[i] : 0;
        }
        return total;
    }

    /** The count over the same minutes. */
    public int count(long at) {
        int total = 0;
        for (int i = 0; i < minutes.length; i++) {
            total += current(i, at) ? counts[i] : 0;
        }
        return total;
    }

    private boolean current(int slot, long at) {
        long minute = Math.floorDiv(at, 60_000L);
        return minutes[slot] > minute - minutes.length && minutes[slot] <= minute;
    }
}
