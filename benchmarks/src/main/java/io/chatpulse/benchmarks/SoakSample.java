package io.chatpulse.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a soak run: resident memory of every process of the stack, consumer lag of each
 * stream job's group, how far the topic has grown, and how fresh and how many stored messages are.
 * A value that could not be measured is -1 (counts) or NaN (freshness).
 */
record SoakSample(Duration elapsed, Map<String, Long> rssMegabytes, Map<String, Long> lagRecords, long topicOffsets,
                  double freshnessSeconds, long messagesStored) {

    double hours() {
        return elapsed.toMillis() / 3_600_000.0;
    }

    String tableHeader() {
        List<String> columns = new ArrayList<>(List.of(String.format("%8s", "elapsed")));
        rssMegabytes.keySet().forEach(name -> columns.add(String.format("%13s", name)));
        lagRecords.keySet().forEach(group -> columns.add(String.format("%15s", "lag " + shortName(group))));
        columns.add(String.format("%9s %9s %10s", "offsets", "fresh s", "messages"));
        return String.join(" ", columns);
    }

    String tableRow() {
        List<String> columns = new ArrayList<>(List.of(String.format("%8s", clock(elapsed))));
        rssMegabytes.values().forEach(mb -> columns.add(String.format("%10s MB", known(mb))));
        lagRecords.values().forEach(lag -> columns.add(String.format("%15s", known(lag))));
        columns.add(String.format("%9s %9s %10s", known(topicOffsets),
                Double.isNaN(freshnessSeconds) ? "-" : String.format("%.1f", freshnessSeconds), known(messagesStored)));
        return String.join(" ", columns);
    }

    String csvHeader() {
        return "elapsed_s," + rssMegabytes.keySet().stream().map(n -> "rss_" + n + "_mb").collect(Collectors.joining(","))
                + "," + lagRecords.keySet().stream().map(g -> "lag_" + shortName(g)).collect(Collectors.joining(","))
                + ",topic_offsets,freshness_s,messages_stored";
    }

    String csvRow() {
        return elapsed.toSeconds() + "," + join(rssMegabytes.values()) + "," + join(lagRecords.values()) + ","
                + topicOffsets + "," + (Double.isNaN(freshnessSeconds) ? "" : String.format("%.3f", freshnessSeconds))
                + "," + messagesStored;
    }

    /** The groups are all "chatpulse-..."; the rest is the job's name. */
    static String shortName(String group) {
        return group.replaceFirst("^chatpulse-", "");
    }

    private static String join(java.util.Collection<Long> values) {
        return values.stream().map(v -> v < 0 ? "" : String.valueOf(v)).collect(Collectors.joining(","));
    }

    private static String known(long value) {
        return value < 0 ? "-" : String.format("%,d", value);
    }

    private static String clock(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
