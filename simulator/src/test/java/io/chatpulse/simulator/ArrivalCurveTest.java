package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalCurveTest {

    @Test
    void aFlatCurveArrivesAtTheAverageRate() {
        ArrivalCurve curve = new ArrivalCurve(60, 0, Duration.ofMinutes(10));

        assertThat(arrivalsIn(curve, 3600, 1)).isCloseTo(3600L, within(180L));
    }

    @Test
    void aWaveKeepsTheAverageOverWholePeriodsButSwingsWithinThem() {
        ArrivalCurve curve = new ArrivalCurve(60, 0.5, Duration.ofMinutes(10));

        assertThat(curve.rateAt(150)).isCloseTo(1.5, within(1e-9)); // a quarter period: the peak
        assertThat(curve.rateAt(450)).isCloseTo(0.5, within(1e-9)); // three quarters: the trough
        assertThat(arrivalsIn(curve, 6000, 2)).isCloseTo(6000L, within(300L));
        assertThat(arrivalsBetween(curve, 0, 300, 3)).isGreaterThan(arrivalsBetween(curve, 300, 600, 3));
    }

    @Test
    void aSurgeStepsTheAverageUpAtItsInstant() {
        ArrivalCurve curve = new ArrivalCurve(30, 0, Duration.ofMinutes(10), Duration.ofMinutes(10), 90);

        assertThat(curve.rateAt(599.9)).isCloseTo(0.5, within(1e-9));
        assertThat(curve.rateAt(600)).isCloseTo(1.5, within(1e-9));
        // an hour before and an hour after: 1,800 and 5,400 expected
        assertThat(arrivalsBetween(curve, 0, 600, 4) * 6).isCloseTo(1800L, within(250L));
        assertThat(arrivalsBetween(curve, 600, 4200, 5)).isCloseTo(5400L, within(270L));
    }

    @Test
    void theSameSeedGivesTheSameArrivals() {
        ArrivalCurve curve = new ArrivalCurve(30, 0.3, Duration.ofMinutes(10));
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);

        for (double t = 0, u = 0; t < 600; ) {
            t = curve.nextArrival(t, a);
            u = curve.nextArrival(u, b);
            assertThat(t).isEqualTo(u);
        }
    }

    private static long arrivalsIn(ArrivalCurve curve, double seconds, long seed) {
        return arrivalsBetween(curve, 0, seconds, seed);
    }

    private static long arrivalsBetween(ArrivalCurve curve, double from, double to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long count = 0;
        for (double t = curve.nextArrival(0, random); t < to; t = curve.nextArrival(t, random)) {
            if (t >= from) {
                count++;
            }
        }
        return count;
    }
}
