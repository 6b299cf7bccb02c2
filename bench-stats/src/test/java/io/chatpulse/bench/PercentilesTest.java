package io.chatpulse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final List<Long> ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).boxed().toList();

    @Test
    void takesTheSmallestValueWithAtLeastThatShareAtOrBelowIt() {
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 0.5)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 0.99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(List.of(10L, 20L, 30L), 0.5)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(List.of(10L, 20L, 30L), 0.99)).isEqualTo(30);
    }

    @Test
    void staysWithinTheValuesAtTheEnds() {
        assertThat(Percentiles.nearestRank(List.of(7L), 0.99)).isEqualTo(7);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 0.0)).isEqualTo(1);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 1.0)).isEqualTo(100);
    }

    @Test
    void anArrayGivesWhatTheListGives() {
        long[] array = ONE_TO_HUNDRED.stream().mapToLong(Long::longValue).toArray();
        for (double p : new double[] {0.0, 0.5, 0.9, 0.99, 0.999, 1.0}) {
            assertThat(Percentiles.nearestRank(array, p)).isEqualTo(Percentiles.nearestRank(ONE_TO_HUNDRED, p));
        }
    }

    @Test
    void noValuesHaveNoPercentile() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 0.5)).hasMessageContaining("no values");
        assertThatThrownBy(() -> Percentiles.nearestRank(List.of(), 0.5)).hasMessageContaining("no values");
    }
}
