package io.chatpulse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TrendTest {

    /** A JVM heap filling up to its -Xmx in the first half, then flat: not growth. */
    @Test
    void growthOnlyInTheFirstHalfIsNoGrowth() {
        Trend trend = Trend.of(series(10, i -> i < 5 ? 100.0 + 40 * i : 300.0));

        assertThat(trend.firstHalfMean()).isEqualTo(180.0);
        assertThat(trend.secondHalfMean()).isEqualTo(300.0);
        assertThat(trend.slopePerHour()).isCloseTo(0.0, within(1e-9));
        assertThat(trend.grows(0.05 * 300)).isFalse();
    }

    @Test
    void steadyRiseInTheSecondHalfGrows() {
        // 1 MB a minute: 60 MB per hour on 300 MB is 20 %, over the 5 % tolerance.
        Trend trend = Trend.of(series(10, i -> 300.0 + i));

        assertThat(trend.slopePerHour()).isCloseTo(60.0, within(1e-9));
        assertThat(trend.slopeStandardError()).isCloseTo(0.0, within(1e-9));
        assertThat(trend.grows(0.05 * trend.secondHalfMean())).isTrue();
    }

    @Test
    void riseWithinTheToleranceIsNoGrowth() {
        Trend trend = Trend.of(series(10, i -> 300.0 + 0.1 * i));

        assertThat(trend.slopePerHour()).isCloseTo(6.0, within(1e-9));
        assertThat(trend.grows(15)).isFalse();
    }

    /** Lag moving in checkpoint steps: a slope the noise explains is not growth. */
    @Test
    void slopeWithinTwiceItsStandardErrorIsNoGrowth() {
        Trend trend = Trend.of(series(10, i -> i % 2 == 0 ? 0.0 : 400.0 + (i == 9 ? 100 : 0)));

        assertThat(trend.slopePerHour()).isGreaterThan(0);
        assertThat(trend.slopePerHour()).isLessThan(2 * trend.slopeStandardError());
        assertThat(trend.grows(0)).isFalse();
    }

    @Test
    void unmeasuredValuesAreSkipped() {
        Trend trend = Trend.of(series(8, i -> i == 6 ? Double.NaN : 50.0));

        assertThat(trend.secondHalfSamples()).isEqualTo(4);
        assertThat(trend.secondHalfMean()).isEqualTo(50.0);
        assertThat(trend.judgeable()).isTrue();
    }

    @Test
    void tooFewSamplesCannotBeJudged() {
        Trend trend = Trend.of(series(3, i -> 10.0 * i));

        assertThat(trend.secondHalfSamples()).isEqualTo(2);
        assertThat(trend.judgeable()).isFalse();
        assertThat(trend.grows(0)).isFalse();
    }

    /** One sample a minute. */
    private static List<Trend.Point> series(int n, java.util.function.IntToDoubleFunction value) {
        return IntStream.range(0, n).mapToObj(i -> new Trend.Point(i / 60.0, value.applyAsDouble(i))).toList();
    }
}
