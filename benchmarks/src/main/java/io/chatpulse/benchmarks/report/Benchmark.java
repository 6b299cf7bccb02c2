package io.chatpulse.benchmarks.report;

import java.util.List;
import java.util.Optional;

/**
 * A benchmark as the report knows it: the name of its output file ({@code <name>.out}), what it
 * measures, the command that runs it at full size, the figures it prints and their targets.
 */
record Benchmark(String name, String title, String command, List<Figure> figures, List<Target> targets) {

    Figure figure(String figureName) {
        return figures.stream().filter(f -> f.name().equals(figureName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(name + " prints no figure " + figureName));
    }

    /** The latency target its chart draws as a line; throughput targets go to the shared chart. */
    Optional<Target> durationTarget() {
        return targets.stream().filter(t -> figure(t.figure()).isDuration()).findFirst();
    }

    Optional<Target> rateTarget() {
        return targets.stream().filter(t -> figure(t.figure()).isRate()).findFirst();
    }

    String describeTargets() {
        return String.join("; ", targets.stream().map(t -> t.describe(figure(t.figure()).unit())).toList());
    }
}
