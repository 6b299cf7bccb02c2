package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueWaitForecastRuleTest {

    private static final long T0 = 1_790_000_000_000L;
    /** The defaults: queue_wait's 120 s, level 0.5, held 60 s, clear after 5 min. */
    private static final QueueWaitForecastRule.Settings RULE = AlertRules.defaults().queueWaitForecast("acme", "billing");

    @Test
    void theDefaultsAreMetricsMds() {
        assertThat(RULE.thresholdMs()).isEqualTo(120_000);
        assertThat(RULE.level()).isEqualTo(0.5);
        assertThat(RULE.holdMs()).isEqualTo(60_000);
        assertThat(RULE.clearAfterMs()).isEqualTo(300_000);
    }

    @Test
    void aBreachIsAProbabilityOverTheLevelAnExpectedWaitOverTheThresholdOrAnUnboundedQueue() {
        assertThat(QueueWaitForecastRule.breached(120_000, 0.5, 100, false, 0.51, 30)).isTrue();
        assertThat(QueueWaitForecastRule.breached(120_000, 0.5, 100, false, 0.49, 121)).isTrue();
        assertThat(QueueWaitForecastRule.breached(120_000, 0.5, 100, true, 0, 0)).isTrue();
        assertThat(QueueWaitForecastRule.breached(120_000, 0.5, 100, false, 0.5, 120)).isFalse();
        assertThat(QueueWaitForecastRule.breached(120_000, 0.5, 0, true, 1, Double.POSITIVE_INFINITY))
                .as("nobody arrives: nothing to forecast").isFalse();
    }

    @Test
    void firesOnlyOnceTheBreachHasHeldAndADipStartsTheHoldAgain() {
        QueueWaitForecastRule.State state = new QueueWaitForecastRule.State();
        assertThat(evaluate(state, T0, true)).isEmpty();
        assertThat(evaluate(state, T0 + 30_000, false)).isEmpty();
        assertThat(evaluate(state, T0 + 31_000, true)).isEmpty();
        assertThat(evaluate(state, T0 + 90_000, true)).as("59 s held").isEmpty();
        assertThat(evaluate(state, T0 + 91_000, true)).get()
                .isEqualTo(new AlertChange(AlertChange.Kind.FIRING, T0 + 91_000, T0 + 91_000));
        assertThat(evaluate(state, T0 + 92_000, true)).isEmpty();
    }

    @Test
    void resolvesAfterFiveMinutesBackUnderAndABreachInBetweenKeepsItFiring() {
        QueueWaitForecastRule.State state = new QueueWaitForecastRule.State();
        evaluate(state, T0, true);
        evaluate(state, T0 + 60_000, true);
        assertThat(state.alert.firing).isTrue();
        evaluate(state, T0 + 100_000, false);
        assertThat(evaluate(state, T0 + 200_000, true)).as("back over once: the clear period starts again").isEmpty();
        evaluate(state, T0 + 201_000, false);
        assertThat(evaluate(state, T0 + 500_999, false)).isEmpty();
        assertThat(evaluate(state, T0 + 501_000, false)).get()
                .isEqualTo(new AlertChange(AlertChange.Kind.RESOLVED, T0 + 501_000, T0 + 60_000));
    }

    @Test
    void outsideBusinessHoursItDoesNotFire() {
        var calendar = BusinessCalendars.from(Map.of("calendar.zone", "UTC", "calendar.mon", "09:00-17:00"))
                .of("acme", "billing").orElseThrow();
        var rule = new QueueWaitForecastRule.Settings(120_000, 0.5, 60_000, 300_000, false, calendar);
        long sundayNoon = java.time.Instant.parse("2026-11-22T12:00:00Z").toEpochMilli();
        QueueWaitForecastRule.State state = new QueueWaitForecastRule.State();
        for (long t = sundayNoon; t <= sundayNoon + 120_000; t += 1_000) {
            assertThat(QueueWaitForecastRule.evaluate(rule, state, t, true)).isEmpty();
        }
    }

    private static Optional<AlertChange> evaluate(QueueWaitForecastRule.State state, long at, boolean breached) {
        return QueueWaitForecastRule.evaluate(RULE, state, at, breached);
    }
}
