package io.chatpulse.simulator;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When customers arrive: a Poisson process whose rate swings around the average like a sine
 * wave (busy and quiet stretches make the dashboards and alerts move). Arrivals are drawn by
 * thinning: candidates at the peak rate, each kept with probability rate(t) / peak.
 */
public final class ArrivalCurve {

    private final double perSecond;
    private final double amplitude;
    private final double periodSeconds;

    public ArrivalCurve(double perMinute, double amplitude, Duration period) {
        if (perMinute <= 0 || amplitude < 0 || amplitude >= 1) {
            throw new IllegalArgumentException("rate must be positive and the amplitude in [0, 1)");
        }
        this.perSecond = perMinute / 60.0;
        this.amplitude = amplitude;
        this.periodSeconds = period.toMillis() / 1000.0;
    }

    /** Arrivals per second at {@code t} seconds into the run. */
    public double rateAt(double t) {
        return perSecond * (1 + amplitude * Math.sin(2 * Math.PI * t / periodSeconds));
    }

    /** Seconds into the run of the next arrival after {@code t}. */
    public double nextArrival(double t, RandomGenerator random) {
        double peak = perSecond * (1 + amplitude);
        double candidate = t;
        while (true) {
            candidate += -Math.log(1 - random.nextDouble()) / peak;
            if (random.nextDouble() * peak <= rateAt(candidate)) {
                return candidate;
            }
        }
    }
}
