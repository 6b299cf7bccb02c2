package io.chatpulse.benchmarks.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * What one benchmark's output file held: the command that ran (its first line, {@code $ ...}, or
 * the full-size command), the figures found, and why any are missing, so that a benchmark that
 * failed or printed something else shows as such instead of vanishing from the report.
 */
record Outcome(Benchmark benchmark, String command, Map<String, Double> values, String problem) {

    private static final String COMMAND_PREFIX = "$ ";
    /** Terminal colour codes, e.g. the resets Maven prints before a benchmark's first line. */
    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*m");

    static Outcome read(Benchmark benchmark, Path folder) {
        Path output = folder.resolve(benchmark.name() + ".out");
        if (!Files.isRegularFile(output)) {
            return new Outcome(benchmark, benchmark.command(), Map.of(), "no output (" + output.getFileName() + ")");
        }
        try {
            return parse(benchmark, ANSI_ESCAPE.matcher(Files.readString(output)).replaceAll(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Outcome parse(Benchmark benchmark, String output) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Figure figure : benchmark.figures()) {
            OptionalDouble value = figure.find(output);
            if (value.isPresent()) {
                values.put(figure.name(), value.getAsDouble());
            } else {
                missing.add(figure.name());
            }
        }
        String problem = missing.isEmpty() ? null : "not parsed: no " + String.join(", ", missing) + " in the output";
        return new Outcome(benchmark, command(benchmark, output), values, problem);
    }

    private static String command(Benchmark benchmark, String output) {
        return output.startsWith(COMMAND_PREFIX)
                ? output.lines().findFirst().orElseThrow().substring(COMMAND_PREFIX.length()).strip()
                : benchmark.command();
    }

    List<Target> unmet() {
        return benchmark.targets().stream()
                .filter(t -> values.containsKey(t.figure()) && !t.metBy(values.get(t.figure()))).toList();
    }

    /** "met", "NOT met (p99)" and the problem if any: a target whose figure is missing is never "met". */
    String status() {
        List<String> parts = new ArrayList<>();
        List<Target> unmet = unmet();
        if (!unmet.isEmpty()) {
            parts.add("**NOT met** (" + String.join(", ", unmet.stream().map(Target::figure).toList()) + ")");
        }
        if (problem != null) {
            parts.add(problem);
        }
        return parts.isEmpty() ? "met" : String.join("; ", parts);
    }

    String describeFigures() {
        List<String> shown = new ArrayList<>();
        values.forEach((name, value) -> shown.add(
                (name + " " + Numbers.format(value) + " " + benchmark.figure(name).unit()).strip()));
        return shown.isEmpty() ? "-" : String.join(", ", shown);
    }
}
