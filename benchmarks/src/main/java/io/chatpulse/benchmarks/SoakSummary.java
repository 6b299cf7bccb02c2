package io.chatpulse.benchmarks;

import java.io.PrintStream;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The end of a soak run: per series the first- and second-half means, the second-half slope and
 * a verdict. Tolerances per hour: memory 5 % of its second-half mean; freshness one checkpoint
 * interval (10 s); lag the records of one checkpoint interval at the second half's event rate,
 * since the jobs commit offsets only at checkpoints and lag moves in steps that size. The simulator's
 * memory is shown but not judged: it stands for the customers and agents, and no deployment runs it.
 */
final class SoakSummary {

    static final double CHECKPOINT_SECONDS = 10;
    private static final String LOAD_GENERATOR = "simulator";
    private static final double RSS_GROWTH_PER_HOUR = 0.05;

    private final List<SoakSample> samples;
    private final PrintStream out;
    private boolean anyGrows;

    private SoakSummary(List<SoakSample> samples, PrintStream out) {
        this.samples = samples;
        this.out = out;
    }

    /** Prints the summary; true when some series grows. */
    static boolean print(List<SoakSample> samples, PrintStream out) {
        if (samples.size() < 2) {
            out.println("too few samples for a summary");
            return false;
        }
        return new SoakSummary(samples, out).printAll();
    }

    private boolean printAll() {
        List<SoakSample> second = samples.subList(samples.size() / 2, samples.size());
        out.printf("%nsummary over %d samples; second half: %d samples over %.1f min. A series GROWS when its "
                        + "second-half slope exceeds its tolerance and twice its standard error.%n", samples.size(),
                second.size(), (second.get(second.size() - 1).hours() - second.get(0).hours()) * 60);
        out.printf("%-26s %12s %12s %22s %12s  %s%n", "series", "1st half", "2nd half", "slope/h (± s.e.)",
                "tolerance/h", "verdict");
        SoakSample last = samples.get(samples.size() - 1);
        for (String name : last.rssMegabytes().keySet()) {
            series("RSS " + name + " MB", s -> known(s.rssMegabytes().get(name)), RSS_GROWTH_PER_HOUR, 0,
                    !name.equals(LOAD_GENERATOR));
        }
        double eventsPerSecond = perSecond(second, s -> s.topicOffsets());
        for (String group : last.lagRecords().keySet()) {
            series("lag " + SoakSample.shortName(group) + " records", s -> known(s.lagRecords().get(group)), 0,
                    eventsPerSecond * CHECKPOINT_SECONDS, true);
        }
        series("freshness s", SoakSample::freshnessSeconds, 0, CHECKPOINT_SECONDS, true);
        out.printf("events written %.1f/s, messages stored %.1f/s (first half %.1f/s)%n", eventsPerSecond,
                perSecond(second, s -> s.messagesStored()),
                perSecond(samples.subList(0, samples.size() / 2 + 1), s -> s.messagesStored()));
        return anyGrows;
    }

    private void series(String label, ToDoubleFunction<SoakSample> value, double relativeTolerance,
                        double absoluteTolerance, boolean judged) {
        Trend trend = Trend.of(samples.stream().map(s -> new Trend.Point(s.hours(), value.applyAsDouble(s))).toList());
        double tolerance = Math.max(relativeTolerance * trend.secondHalfMean(), absoluteTolerance);
        String verdict;
        if (!trend.judgeable()) {
            verdict = "too few samples";
        } else if (trend.grows(tolerance)) {
            verdict = judged ? "GROWS" : "grows (load generator, not judged)";
            anyGrows |= judged;
        } else {
            verdict = "no growth";
        }
        out.printf("%-26s %12.1f %12.1f %22s %12.1f  %s%n", label, trend.firstHalfMean(), trend.secondHalfMean(),
                trend.judgeable() ? String.format("%+.1f (± %.1f)", trend.slopePerHour(), trend.slopeStandardError())
                        : "-", tolerance, verdict);
    }

    /** The rate of a counter between the first and last sample of {@code part} that measured it. */
    private static double perSecond(List<SoakSample> part, ToDoubleFunction<SoakSample> counter) {
        List<SoakSample> measured = part.stream().filter(s -> counter.applyAsDouble(s) >= 0).toList();
        if (measured.size() < 2) {
            return Double.NaN;
        }
        SoakSample first = measured.get(0);
        SoakSample last = measured.get(measured.size() - 1);
        double seconds = (last.hours() - first.hours()) * 3600;
        return (counter.applyAsDouble(last) - counter.applyAsDouble(first)) / seconds;
    }

    private static double known(Long value) {
        return value == null || value < 0 ? Double.NaN : value;
    }
}
