package io.chatpulse.e2e.fault;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of the time some task waited for a CPU (Linux pressure stall information), between a
 * start and now: on a machine whose cores other work saturates, a latency tail measures that work,
 * not the service under test.
 */
final class CpuPressure {

    private static final Path PSI = Path.of("/proc/pressure/cpu");
    private static final Pattern SOME_TOTAL = Pattern.compile("^some .*total=(\\d+)", Pattern.MULTILINE);

    private final long startNanos = System.nanoTime();
    private final long startStalledMicros = stalledMicros();

    /** Share of the wall time since construction, 0..1; NaN where the kernel does not tell. */
    double share() {
        long stalled = stalledMicros();
        if (stalled < 0 || startStalledMicros < 0) {
            return Double.NaN;
        }
        return (stalled - startStalledMicros) * 1e3 / (System.nanoTime() - startNanos);
    }

    private static long stalledMicros() {
        try {
            Matcher some = SOME_TOTAL.matcher(Files.readString(PSI));
            return some.find() ? Long.parseLong(some.group(1)) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
