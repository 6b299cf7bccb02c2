package io.chatpulse.streamjobs.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The resident memory of this JVM (the Flink MiniCluster running the job and the benchmark's own
 * producer), from Linux's {@code /proc/self/status}: what the process really holds, not the heap.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    static String describe() {
        try {
            return describe(Files.readAllLines(Path.of("/proc/self/status")));
        } catch (IOException e) {
            return "RSS unknown (no /proc/self/status)";
        }
    }

    /** The resident memory of another process in MB, or "?" when it cannot be read. */
    static String rssMegabytes(long pid) {
        try {
            return megabytes(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")), "VmRSS:");
        } catch (IOException e) {
            return "?";
        }
    }

    /** {@code RSS 812 MB (peak 901 MB)} from the lines of a /proc status file. */
    static String describe(List<String> status) {
        return "RSS " + megabytes(status, "VmRSS:") + " MB (peak " + megabytes(status, "VmHWM:") + " MB)";
    }

    private static String megabytes(List<String> status, String field) {
        return status.stream().filter(line -> line.startsWith(field)).findFirst()
                .map(line -> String.valueOf(Long.parseLong(line.replaceAll("\\D", "")) / 1024))
                .orElse("?");
    }
}
