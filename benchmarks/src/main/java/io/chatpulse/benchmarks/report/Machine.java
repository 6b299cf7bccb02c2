package io.chatpulse.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine the figures were measured on. The load averages come from {@code uptime} saved in the
 * run's folder before and after it: on a shared machine they say how far to trust the figures.
 */
final class Machine {

    static final String UPTIME_AT_START = "uptime-start.txt";
    static final String UPTIME_AT_END = "uptime-end.txt";
    private static final Pattern LOAD_AVERAGE = Pattern.compile("load average: (.+)");
    private static final Pattern MEM_TOTAL = Pattern.compile("^MemTotal:\\s+(\\d+) kB", Pattern.MULTILINE);
    private static final Pattern PRETTY_NAME = Pattern.compile("^PRETTY_NAME=\"?([^\"\\n]+)", Pattern.MULTILINE);

    private Machine() {
    }

    /** Label -> value, in the order the report lists them. */
    static Map<String, String> describe(Path runFolder) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", firstMatch(MEM_TOTAL, Path.of("/proc/meminfo"))
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0)).orElse("unknown"));
        machine.put("OS", firstMatch(PRETTY_NAME, Path.of("/etc/os-release")).orElse(System.getProperty("os.name"))
                + ", kernel " + System.getProperty("os.version") + ", " + System.getProperty("os.arch"));
        machine.put("Java", System.getProperty("java.runtime.name") + " " + System.getProperty("java.runtime.version")
                + ", " + System.getProperty("java.vm.name") + " (" + System.getProperty("java.vm.vendor") + ")");
        machine.put("load average (1, 5, 15 min) at the start", loadAverage(runFolder.resolve(UPTIME_AT_START)));
        machine.put("load average (1, 5, 15 min) at the end", loadAverage(runFolder.resolve(UPTIME_AT_END)));
        return machine;
    }

    private static String loadAverage(Path uptime) {
        return firstMatch(LOAD_AVERAGE, uptime).orElse("not recorded");
    }

    private static Optional<String> firstMatch(Pattern pattern, Path file) {
        try {
            Matcher match = pattern.matcher(Files.readString(file));
            return match.find() ? Optional.of(match.group(1).strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
