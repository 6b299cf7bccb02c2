package io.chatpulse.metrics.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SummaryPeriodTest {

    private static final Duration MAX = Duration.ofDays(400);

    @Test
    void parsesAValidPeriod() {
        SummaryPeriod period = SummaryPeriod.parse("2026-01-01T00:00:00Z", "2026-01-02T00:00:00.500Z", MAX);

        assertThat(period.from()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(period.to()).isEqualTo(Instant.parse("2026-01-02T00:00:00.500Z"));
    }

    @Test
    void acceptsExactlyTheLongestPeriod() {
        assertThat(SummaryPeriod.parse("2025-01-01T00:00:00Z", "2026-02-05T00:00:00Z", MAX).to())
                .isEqualTo(Instant.parse("2026-02-05T00:00:00Z"));
    }

    @Test
    void namesAMissingParameter() {
        assertInvalid(null, "2026-01-02T00:00:00Z", "from", "is required");
        assertInvalid("2026-01-01T00:00:00Z", " ", "to", "is required");
    }

    @Test
    void namesAnUnreadableInstant() {
        assertInvalid("2026-01-01", "2026-01-02T00:00:00Z", "from", "ISO-8601");
        assertInvalid("2026-01-01T00:00:00Z", "tomorrow", "to", "ISO-8601");
    }

    @Test
    void rejectsAnEmptyOrReversedPeriod() {
        assertInvalid("2026-01-02T00:00:00Z", "2026-01-02T00:00:00Z", "to", "after from");
        assertInvalid("2026-01-03T00:00:00Z", "2026-01-02T00:00:00Z", "to", "after from");
    }

    @Test
    void rejectsAPeriodLongerThanTheMaximum() {
        assertInvalid("2025-01-01T00:00:00Z", "2026-02-05T00:00:00.001Z", "to", "at most 400 days");
    }

    private static void assertInvalid(String from, String to, String parameter, String reason) {
        assertThatThrownBy(() -> SummaryPeriod.parse(from, to, MAX))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.reason()).contains(reason);
                });
    }
}
