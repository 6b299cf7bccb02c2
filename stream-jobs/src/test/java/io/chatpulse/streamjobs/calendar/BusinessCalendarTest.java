package io.chatpulse.streamjobs.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    private static final long MINUTE = 60_000;
    private static final long HOUR = 60 * MINUTE;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Mon..fri 09:00-17:00 in Berlin. */
    private static final BusinessCalendar OFFICE = BusinessCalendar.of("Europe/Berlin", Map.of("mon", "09:00-17:00",
            "tue", "09:00-17:00", "wed", "09:00-17:00", "thu", "09:00-17:00", "fri", "09:00-17:00"));

    @Test
    void businessHoursFollowTheZoneAcrossDaylightSaving() {
        BusinessCalendar calendar = BusinessCalendar.of("Europe/Berlin", Map.of("sun", "09:00-17:00"));
        // 2026-10-25: summer time ends in Berlin at 03:00; 09:00 local is 08:00 UTC.
        long nineLocal = berlin("2026-10-25T09:00");

        assertThat(calendar.isOpen(nineLocal - 1)).isFalse();
        assertThat(calendar.isOpen(nineLocal)).isTrue();
        assertThat(calendar.nextChange(nineLocal - HOUR)).isEqualTo(nineLocal);
        assertThat(calendar.nextChange(nineLocal)).isEqualTo(nineLocal + 8 * HOUR);
    }

    @Test
    void anIntervalEntirelyInsideTheHoursCountsWhole() {
        // Tuesday 2026-11-24, 10:00:00.250 to 16:59:59.999.
        long from = berlin("2026-11-24T10:00") + 250;
        long to = berlin("2026-11-24T17:00") - 1;

        assertThat(OFFICE.openMillis(from, to)).isEqualTo(to - from);
    }

    @Test
    void anIntervalEntirelyOutsideTheHoursCountsNothing() {
        assertThat(OFFICE.openMillis(berlin("2026-11-24T17:00"), berlin("2026-11-25T09:00"))).as("a night").isZero();
        assertThat(OFFICE.openMillis(berlin("2026-11-27T17:00"), berlin("2026-11-30T09:00"))).as("a weekend").isZero();
        assertThat(OFFICE.openMillis(berlin("2026-11-24T12:00"), berlin("2026-11-24T12:00"))).as("empty").isZero();
        assertThat(OFFICE.openMillis(berlin("2026-11-24T12:00"), berlin("2026-11-24T11:00"))).as("reversed").isZero();
    }

    @Test
    void aWaitOverTheNightCountsOnlyTheOpenEnds() {
        // Tuesday 16:30 to Wednesday 09:30: 30 min before closing, 30 min after opening.
        assertThat(OFFICE.openMillis(berlin("2026-11-24T16:30"), berlin("2026-11-25T09:30"))).isEqualTo(HOUR);
    }

    @Test
    void aWaitOverTheWeekendSkipsSaturdayAndSunday() {
        // Friday 16:00 to Monday 10:00.
        assertThat(OFFICE.openMillis(berlin("2026-11-27T16:00"), berlin("2026-11-30T10:00"))).isEqualTo(2 * HOUR);
    }

    @Test
    void aWholeWeekIsFiveWorkingDays() {
        assertThat(OFFICE.openMillis(berlin("2026-11-23T00:00"), berlin("2026-11-30T00:00"))).isEqualTo(40 * HOUR);
        // Three weeks from a Wednesday noon: whole weeks and the open part of the days at either end.
        assertThat(OFFICE.openMillis(berlin("2026-11-25T12:00"), berlin("2026-12-16T12:00"))).isEqualTo(3 * 40 * HOUR);
    }

    @Test
    void severalRangesADayLeaveTheLunchBreakOut() {
        BusinessCalendar split = BusinessCalendar.of("Europe/Berlin", Map.of("tue", "09:00-12:00, 13:00-17:00"));

        assertThat(split.openMillis(berlin("2026-11-24T11:00"), berlin("2026-11-24T14:00"))).isEqualTo(2 * HOUR);
        assertThat(split.openMillis(berlin("2026-11-24T12:10"), berlin("2026-11-24T12:50"))).isZero();
        assertThat(split.openMillis(berlin("2026-11-24T00:00"), berlin("2026-11-25T00:00"))).isEqualTo(7 * HOUR);
    }

    @Test
    void overlappingRangesCountEachMinuteOnce() {
        BusinessCalendar overlapping = BusinessCalendar.of("UTC", Map.of("tue", "09:00-12:00,11:00-13:00,13:00-14:00"));
        long tuesday = LocalDateTime.parse("2026-11-24T00:00").atZone(ZoneId.of("UTC")).toInstant().toEpochMilli();

        assertThat(overlapping.openMillis(tuesday, tuesday + 24 * HOUR)).isEqualTo(5 * HOUR);
        assertThat(overlapping.nextChange(tuesday + 10 * HOUR)).as("no closing inside").isEqualTo(tuesday + 14 * HOUR);
    }

    @Test
    void aQueueOpenAroundTheClockHasLongerAndShorterDaysAtTheDaylightSavingChanges() {
        BusinessCalendar always = BusinessCalendar.of("Europe/Berlin", Map.of("sun", "00:00-24:00"));

        assertThat(always.openMillis(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00"))).isEqualTo(25 * HOUR);
        assertThat(always.openMillis(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00"))).isEqualTo(23 * HOUR);
    }

    @Test
    void aWaitOverTheWeekendSummerTimeEndsCountsTheOpenTimeNotTheExtraHour() {
        // Friday 2026-10-23 16:30 CEST (14:30Z) to Monday 10-26 09:15 CET (08:15Z).
        long from = berlin("2026-10-23T16:30");
        long to = berlin("2026-10-26T09:15");

        assertThat(to - from).as("wall time: 64 h 45 min local, plus the hour of the change").isEqualTo(65 * HOUR + 45 * MINUTE);
        assertThat(OFFICE.openMillis(from, to)).isEqualTo(45 * MINUTE);
    }

    @Test
    void anHourTheClockShowsTwiceIsOpenTwiceAndAnHourItSkipsNever() {
        BusinessCalendar nightShift = BusinessCalendar.of("Europe/Berlin", Map.of("sun", "02:00-03:00"));

        // 2026-10-25: 02:00-03:00 happens in summer time (00:00Z-01:00Z), then again in winter time.
        assertThat(nightShift.openMillis(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00"))).isEqualTo(2 * HOUR);
        // 2026-03-29: clocks jump from 02:00 to 03:00.
        assertThat(nightShift.openMillis(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00"))).isZero();
    }

    @Test
    void countsExactlyTheMinutesIsOpenSaysAreOpen() {
        BusinessCalendar calendar = BusinessCalendar.of("Europe/Berlin", Map.of("sat", "01:30-02:45,22:00-24:00",
                "sun", "00:00-02:30,02:45-09:15", "mon", "08:00-17:30"));
        long from = berlin("2026-10-23T00:00");
        long to = berlin("2026-10-27T00:00");

        long openMinutes = 0;
        for (long t = from; t < to; t += MINUTE) {
            openMinutes += calendar.isOpen(t) ? 1 : 0;
        }
        assertThat(calendar.openMillis(from, to)).isEqualTo(openMinutes * MINUTE);
        assertThat(calendar.openMillis(from + 17 * MINUTE + 5, to - 3 * HOUR))
                .isEqualTo(calendar.openMillis(from, to) - calendar.openMillis(to - 3 * HOUR, to));
    }

    @Test
    void aFixedZoneHasNoChangesToFollow() {
        BusinessCalendar utc = BusinessCalendar.of("UTC", Map.of("mon", "22:00-24:00", "tue", "00:00-06:00"));
        long monday = LocalDateTime.parse("2026-11-23T00:00").atZone(ZoneId.of("UTC")).toInstant().toEpochMilli();

        assertThat(utc.openMillis(monday + 20 * HOUR, monday + 32 * HOUR)).as("open through midnight").isEqualTo(8 * HOUR);
    }

    /** A Berlin wall-clock time as epoch ms (the earlier one when the clock shows it twice). */
    private static long berlin(String local) {
        return LocalDateTime.parse(local).atZone(BERLIN).toInstant().toEpochMilli();
    }
}
