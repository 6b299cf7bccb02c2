package io.chatpulse.benchmarks.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's charts: one per latency benchmark (its figures in the target's unit against the
 * target line) and one of every throughput as a share of its target, since their scales differ a
 * hundredfold (5,000 messages/s, 100,000 events/s).
 */
final class Plots {

    record Plot(String caption, String file) {
    }

    static final String THROUGHPUT_FILE = "throughput.png";

    private Plots() {
    }

    static List<Plot> write(List<Outcome> outcomes, Path folder) throws IOException {
        List<Plot> plots = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            Optional<Target> target = outcome.benchmark().durationTarget();
            if (target.isPresent() && !outcome.values().isEmpty()) {
                plots.add(latency(outcome, target.get(), folder));
            }
        }
        List<BarChart.Bar> rates = throughputBars(outcomes);
        if (!rates.isEmpty()) {
            new BarChart("throughput, % of its target", "%", rates, 100).write(folder.resolve(THROUGHPUT_FILE));
            plots.add(new Plot("throughput as a share of its target", THROUGHPUT_FILE));
        }
        return plots;
    }

    private static Plot latency(Outcome outcome, Target target, Path folder) throws IOException {
        Benchmark benchmark = outcome.benchmark();
        String unit = benchmark.figure(target.figure()).unit();
        List<BarChart.Bar> bars = new ArrayList<>();
        outcome.values().forEach((name, value) -> {
            if (benchmark.figure(name).unit().equals(unit)) {
                bars.add(new BarChart.Bar(name, value));
            }
        });
        String file = benchmark.name() + ".png";
        new BarChart(benchmark.title(), unit, bars, target.limit()).write(folder.resolve(file));
        return new Plot(benchmark.title() + ": " + target.describe(unit), file);
    }

    private static List<BarChart.Bar> throughputBars(List<Outcome> outcomes) {
        List<BarChart.Bar> bars = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            outcome.benchmark().rateTarget().filter(t -> outcome.values().containsKey(t.figure())).ifPresent(t -> {
                double measured = outcome.values().get(t.figure());
                bars.add(new BarChart.Bar(outcome.benchmark().name() + " (" + Numbers.format(measured) + " "
                        + outcome.benchmark().figure(t.figure()).unit() + ")", 100 * measured / t.limit()));
            });
        }
        return bars;
    }
}
