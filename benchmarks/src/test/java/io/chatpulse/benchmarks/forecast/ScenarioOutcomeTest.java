package io.chatpulse.benchmarks.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioOutcomeTest {

    private static final Instant T = Instant.parse("2026-12-08T00:00:00Z");
    private static final Duration WITHIN = Duration.ofMinutes(5);

    @Test
    void theLeadIsFromTheFirstWarningToTheFirstPageOfTheSameQueue() {
        List<Delivery> deliveries = List.of(
                trigger(200, Delivery.PAGE, "other", "p0"),
                trigger(100, Delivery.WARNING, "q", "w1"),
                trigger(101, Delivery.WARNING, "q", "w1"), // a retry of the same incident
                trigger(215, Delivery.PAGE, "q", "p1"),
                new Delivery(T.plusSeconds(90), Delivery.WARNING, "queue:q", "resolve", "w0", ""));

        ScenarioOutcome o = ScenarioOutcome.of(deliveries, "q", Optional.of(T.plusSeconds(60)), WITHIN);

        assertThat(o.firstWarning()).contains(T.plusSeconds(100));
        assertThat(o.firstPage()).contains(T.plusSeconds(215));
        assertThat(o.lead()).contains(Duration.ofSeconds(215 - 100));
        assertThat(o.warnings()).isOne();
        assertThat(o.falseWarnings()).isZero();
        assertThat(o.earlyWarnings()).isZero();
    }

    @Test
    void aWarningNoPageFollowsWithinTheWindowIsFalse() {
        List<Delivery> deliveries = List.of(
                trigger(10, Delivery.WARNING, "q", "w1"), // before the surge at 60 s; the page is 400 s later
                trigger(500, Delivery.WARNING, "q", "w2"),
                trigger(410, Delivery.PAGE, "q", "p1"),
                trigger(900, Delivery.WARNING, "q", "w3")); // nothing after it

        ScenarioOutcome o = ScenarioOutcome.of(deliveries, "q", Optional.of(T.plusSeconds(60)), WITHIN);

        // w1: the page at 410 s is 400 s after it, over 300 s: false; w2: no page at or after 500 s; w3 the same
        assertThat(o.warnings()).isEqualTo(3);
        assertThat(o.falseWarnings()).isEqualTo(3);
        assertThat(o.earlyWarnings()).isOne();
        assertThat(o.lead()).contains(Duration.ofSeconds(410 - 10));
    }

    @Test
    void aSteadyRunWithoutAlertsHasNoLeadAndNoWarning() {
        ScenarioOutcome o = ScenarioOutcome.of(List.of(trigger(5, Delivery.PAGE, "other", "p")), "q",
                Optional.empty(), WITHIN);

        assertThat(o.lead()).isEmpty();
        assertThat(o.warnings()).isZero();
        assertThat(o.falseWarnings()).isZero();
    }

    private static Delivery trigger(int second, String rule, String queue, String notificationId) {
        return new Delivery(T.plusSeconds(second), rule, "queue:" + queue, "trigger", notificationId, rule + " text");
    }
}
