package io.chatpulse.metrics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class IntervalTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void cutsDaysAndWeeksAtLocalMidnightAcrossTheDaylightSavingChange() {
        // 2026-03-29: Berlin moves from +01:00 to +02:00; that day has 23 hours.
        ZonedDateTime t = Instant.parse("2026-03-29T12:00:00Z").atZone(BERLIN);
        ZonedDateTime day = Interval.DAY.start(t);
        assertThat(day.toInstant()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(Interval.DAY.next(day).toInstant()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        // 2026-03-29 is a Sunday: its week began on Monday the 23rd, still at +01:00.
        assertThat(Interval.WEEK.start(t).toInstant()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
        assertThat(Interval.WEEK.next(Interval.WEEK.start(t)).toInstant()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(Interval.HOUR.next(Instant.parse("2026-03-29T00:00:00Z").atZone(BERLIN)).toInstant())
                .isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
    }

    @Test
    void hoursFollowTheLocalOffsetWhereItIsNotWholeHours() {
        ZonedDateTime t = Instant.parse("2026-03-01T10:20:00Z").atZone(ZoneId.of("Asia/Kolkata"));
        assertThat(Interval.HOUR.start(t).toInstant()).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    }

    @Test
    void parsesOnlySeriesIntervals() {
        assertThat(Interval.parseSeriesInterval(" Week ")).isEqualTo(Interval.WEEK);
        assertThatThrownBy(() -> Interval.parseSeriesInterval("period")).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> Interval.parseSeriesInterval(null)).hasMessageContaining("is required");
    }

    @Test
    void countsTheBucketsOfAPeriodGenerously() {
        assertThat(Interval.DAY.bucketsIn(Duration.ofDays(2))).isEqualTo(3);
        assertThat(Interval.MINUTE.bucketsIn(Duration.ofHours(1))).isEqualTo(61);
    }
}
