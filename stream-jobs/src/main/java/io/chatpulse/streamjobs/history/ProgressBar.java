package io.chatpulse.streamjobs.history;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress on stderr: on a terminal one line redrawn in place at most 5 times a second; in a log
 * (CI, a redirect) a plain line every 5 seconds, since carriage returns there only make noise.
 */
final class ProgressBar {

    private static final long TERMINAL_EVERY = Duration.ofMillis(200).toNanos();
    private static final long LOG_EVERY = Duration.ofSeconds(5).toNanos();
    private static final int WIDTH = 24;

    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private final String unit;
    private final long total;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastDrawn;
    private int lastLength;

    /** @param total the amount {@code done} counts up to (bytes read, events sent) */
    ProgressBar(PrintStream out, boolean terminal, String label, String unit, long total, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.label = label;
        this.unit = unit;
        this.total = Math.max(total, 1);
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastDrawn = started;
    }

    /** Redraws when it is due; cheap otherwise, so it may be called for every event. */
    void update(long done, long count) {
        long now = nanoClock.getAsLong();
        if (now - lastDrawn >= (terminal ? TERMINAL_EVERY : LOG_EVERY)) {
            lastDrawn = now;
            draw(done, count, now, false);
        }
    }

    void finish(long done, long count) {
        draw(done, count, nanoClock.getAsLong(), true);
    }

    private void draw(long done, long count, long now, boolean last) {
        String line = line(done, count, now - started);
        if (terminal) {
            // Pad over the previous, possibly longer, line: \r only moves the cursor.
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())) + (last ? "\n" : ""));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    String line(long done, long count, long elapsedNanos) {
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = elapsedNanos / 1e9;
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%,.0f %s/s", count / seconds, unit) : "";
        return String.format(Locale.ROOT, "%s %3.0f%% [%s%s] %,d %s  %s  ETA %s", label, fraction * 100,
                "#".repeat(filled), ".".repeat(WIDTH - filled), count, unit, rate, eta(fraction, elapsedNanos));
    }

    private static String eta(double fraction, long elapsedNanos) {
        if (fraction <= 0) {
            return "--:--";
        }
        long seconds = Math.round(elapsedNanos / 1e9 * (1 - fraction) / fraction);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
