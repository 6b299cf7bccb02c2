package io.chatpulse.simulator;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When customers arrive: a Poisson process whose rate swings around the average like a sine
 * wave (busy and quiet stretches make the dashboards and alerts move). Arrivals are drawn by
 * thinning: candidates at the peak rate, each kept with probability rate(t) / peak. A surge steps
 * the average up (or down) at one instant, the swing going on around the new average.
 */
public final class ArrivalCurve {

    private final double perSecond;
    private final double amplitude;
    private final double periodSeconds;
    private final double surgeAtSeconds;
    private final double surgePerSecond;

    public ArrivalCurve(double perMinute, double amplitude, Duration period) {
        this(perMinute, amplitude, period, null, perMinute);
    }

    /** From {@code surgeAt} into the run ({@code null}: never) the average rate is {@code surgePerMinute}. */
    public ArrivalCurve(double perMinute, double amplitude, Duration period, Duration surgeAt, double surgePerMinute) {
        if (perMinute <= 0 || surgePerMinute <= 0 || amplitude < 0 || amplitude >= 1) {
            throw new IllegalArgumentException("rates must be positive and the amplitude in [0, 1)");
        }
        this.perSecond = perMinute / 60.0;
        this.amplitude = amplitude;
        this.periodSeconds = period.toMillis() / 1000.0;
        this.surgeAtSeconds = surgeAt == null ? Double.POSITIVE_INFINITY : surgeAt.toMillis() / 1000.0;
        this.surgePerSecond = surgePerMinute / 60.0;
    }

    /** Arrivals per second at {@code t} seconds into the run. */
    public double rateAt(double t) {
        double average = t >= surgeAtSeconds ? surgePerSecond : perSecond;
        return average * (1 + amplitude * Math.sin(2 * Math.PI * t / periodSeconds));
    }

    /** Seconds into the run of the next arrival after {@code t}. */
    public double nextArrival(double t, RandomGenerator random) {
        double peak = Math.max(perSecond, surgePerSecond) * (1 + amplitude);
        double candidate = t;
        while (true) {
            candidate += -Math.log(1 - random.nextDouble()) / peak;
            if (random.nextDouble() * peak <= rateAt(candidate)) {
                return candidate;
            }
        }
    }
}
