package io.chatpulse.streamjobs.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.streamjobs.calendar.BusinessCalendar;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class QueueWaitRuleTest {

    private static final QueueWaitRule.Settings DEFAULTS = AlertRules.defaults().queueWait("acme", "billing");
    private final AlertRuleState state = new AlertRuleState();

    @Test
    void theDefaultsAreThoseOfMetricsMd() {
        assertThat(DEFAULTS.thresholdMs()).isEqualTo(120_000);
        assertThat(DEFAULTS.clearAfterMs()).isEqualTo(60_000);
        assertThat(DEFAULTS.outsideBusinessHours()).isFalse();
        assertThat(DEFAULTS.calendar()).isNull();
    }

    @Test
    void asksToBeCheckedAgainWhenTheOldestWaitReachesTheThresholdAndFiresThen() {
        QueueWaitRule.Evaluation early = QueueWaitRule.evaluate(DEFAULTS, state, 5_000, OptionalLong.of(1_000));
        assertThat(early.change()).isEmpty();
        assertThat(early.oldestWaitMs()).isEqualTo(4_000);
        assertThat(early.nextCheck()).isEqualTo(OptionalLong.of(121_000));

        QueueWaitRule.Evaluation due = QueueWaitRule.evaluate(DEFAULTS, state, 121_000, OptionalLong.of(1_000));
        assertThat(due.change()).contains(new AlertChange(AlertChange.Kind.FIRING, 121_000, 121_000));
        assertThat(due.oldestWaitMs()).isEqualTo(120_000);
    }

    @Test
    void resolvesSixtySecondsAfterNobodyIsOverTheThreshold() {
        QueueWaitRule.evaluate(DEFAULTS, state, 121_000, OptionalLong.of(1_000));
        // The customer is taken at 130 s; another has waited 30 s by then.
        QueueWaitRule.Evaluation taken = QueueWaitRule.evaluate(DEFAULTS, state, 130_000, OptionalLong.of(100_000));
        assertThat(taken.change()).isEmpty();
        assertThat(taken.nextCheck()).as("the next customer crosses at 220 s, after the clear period")
                .isEqualTo(OptionalLong.of(190_000));
        assertThat(QueueWaitRule.evaluate(DEFAULTS, state, 190_000, OptionalLong.of(100_000)).change())
                .contains(new AlertChange(AlertChange.Kind.RESOLVED, 190_000, 121_000));
    }

    @Test
    void outsideBusinessHoursItWaitsForTheOpening() {
        // Mondays 09:00-17:00 in Berlin; 2026-11-23 is a Monday.
        BusinessCalendar calendar = BusinessCalendar.of("Europe/Berlin", Map.of("mon", "09:00-17:00"));
        QueueWaitRule.Settings rule = new QueueWaitRule.Settings(120_000, 60_000, false, calendar);
        long queuedAt = ZonedDateTime.of(2026, 11, 23, 8, 0, 0, 0, ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
        long opening = queuedAt + 3_600_000;

        QueueWaitRule.Evaluation closed = QueueWaitRule.evaluate(rule, state, queuedAt + 120_000, OptionalLong.of(queuedAt));
        assertThat(closed.change()).isEmpty();
        assertThat(closed.nextCheck()).isEqualTo(OptionalLong.of(opening));
        assertThat(QueueWaitRule.evaluate(rule, state, opening, OptionalLong.of(queuedAt)).change())
                .contains(new AlertChange(AlertChange.Kind.FIRING, opening, opening));

        QueueWaitRule.Settings always = new QueueWaitRule.Settings(120_000, 60_000, true, calendar);
        assertThat(QueueWaitRule.evaluate(always, new AlertRuleState(), queuedAt + 120_000, OptionalLong.of(queuedAt))
                .change()).as("the rule says: outside hours too").isPresent();
    }
}
