package io.chatpulse.benchmarks.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForecastLeadBenchmarkTest {

    @Test
    void theSummaryIsOverTheRunsThatHadBothAlerts() {
        List<ScenarioOutcome> runs = List.of(lead(75_000), lead(130_500), lead(98_200),
                new ScenarioOutcome(Optional.empty(), Optional.of(Instant.EPOCH), Optional.empty(), 0, 0, 0,
                        Optional.empty()));

        // sorted 75.0, 98.2, 130.5: the median of three is the second
        assertThat(ForecastLeadBenchmark.summary(runs, 2)).isEqualTo(
                "lead time warning -> page over 3 of 4 surge runs: min 75.0 s, median 98.2 s, max 130.5 s; false warnings: 2");
    }

    private static ScenarioOutcome lead(long millis) {
        return new ScenarioOutcome(Optional.of(Instant.EPOCH), Optional.of(Instant.EPOCH.plusMillis(millis)),
                Optional.of(Duration.ofMillis(millis)), 1, 0, 0, Optional.empty());
    }
}
