package io.chatpulse.benchmarks.forecast;

import io.chatpulse.bench.Percentiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Issue 20's proof as figures: the surge scenario N times and the steady one, through the whole
 * system, each in its own queue of one stack (docs/forecast.md). Prints per run the lead of the
 * first queue_wait_forecast warning over the first queue_wait page of the queue, and the false
 * warnings (a warning no page follows within 5 minutes; in the steady run, any warning), then the
 * lead's min, median and max and the false warnings in all. Arguments: [surge-runs=3]
 * [steady-minutes=30] (0: no steady run).
 */
public final class ForecastLeadBenchmark {

    private ForecastLeadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int steadyMinutes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        if (runs < 0 || steadyMinutes < 0) {
            throw new IllegalArgumentException("surge-runs and steady-minutes must be 0 or more");
        }
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath();
        String id = Long.toString(System.currentTimeMillis(), 36);
        System.out.printf("forecast lead: %d surge runs, a steady run of %d min; page threshold 120 s, warning hold 60 s%n",
                runs, steadyMinutes);
        List<ScenarioOutcome> surges = new ArrayList<>();
        int falseWarnings = 0;
        try (ScenarioRunner runner = ScenarioRunner.start(home, Files.createTempDirectory("chatpulse-bench-forecast"),
                System.out)) {
            for (int i = 1; i <= runs; i++) {
                ScenarioOutcome outcome = runner.run(ForecastScenario.surge("surge-" + id + "-" + i, 20 + i));
                surges.add(outcome);
                falseWarnings += outcome.falseWarnings();
                System.out.printf("surge run %d: %s%n", i, describe(outcome));
            }
            if (steadyMinutes > 0) {
                ScenarioOutcome steady = runner.run(ForecastScenario.steady("steady-" + id,
                        Duration.ofMinutes(steadyMinutes), 7));
                falseWarnings += steady.warnings();
                System.out.printf("steady run, %d min: forecast warnings %d (each a false warning)%n", steadyMinutes,
                        steady.warnings());
            }
        }
        System.out.println(summary(surges, falseWarnings));
    }

    static String describe(ScenarioOutcome o) {
        return "warning " + o.firstWarning().map(Instant::toString).orElse("none")
                + ", page " + o.firstPage().map(Instant::toString).orElse("none")
                + ", lead " + o.lead().map(l -> String.format("%.1f s", l.toMillis() / 1000.0)).orElse("-")
                + ", false warnings " + o.falseWarnings()
                + (o.earlyWarnings() > 0 ? " (" + o.earlyWarnings() + " before the surge)" : "")
                + o.warningText().map(t -> "; the warning said: " + t).orElse("");
    }

    /** Min, median (nearest rank) and max of the leads of the surge runs that had both alerts. */
    static String summary(List<ScenarioOutcome> surges, int falseWarnings) {
        List<Long> leads = surges.stream().map(ScenarioOutcome::lead).flatMap(Optional::stream)
                .map(Duration::toMillis).sorted().toList();
        String lead = leads.isEmpty() ? "no run had both a warning and a page"
                : String.format("min %.1f s, median %.1f s, max %.1f s", leads.get(0) / 1000.0,
                        Percentiles.nearestRank(leads, 0.5) / 1000.0, leads.get(leads.size() - 1) / 1000.0);
        return String.format("lead time warning -> page over %d of %d surge runs: %s; false warnings: %d",
                leads.size(), surges.size(), lead, falseWarnings);
    }
}
