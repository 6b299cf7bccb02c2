package io.chatpulse.streamjobs.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessCalendarsTest {

    private static final long HOUR = 3_600_000;
    // Monday 2026-11-23, 08:00 to 10:00 UTC (09:00 to 11:00 in Berlin).
    private static final long FROM = LocalDateTime.parse("2026-11-23T08:00").atZone(ZoneId.of("UTC")).toInstant().toEpochMilli();
    private static final long TO = FROM + 2 * HOUR;

    private final BusinessCalendars calendars = BusinessCalendars.from(Map.of(
            "tenant.acme.calendar.zone", "Europe/Berlin",
            "tenant.acme.calendar.mon", "10:00-17:00",
            "tenant.acme.queue.night.calendar.zone", "UTC",
            "tenant.acme.queue.night.calendar.mon", "00:00-06:00,22:00-24:00",
            "calendar.zone", "UTC",
            "calendar.mon", "09:00-17:00"));

    @Test
    void theMostSpecificLevelWithAZoneDecides() {
        assertThat(calendars.openMillis("acme", "billing", FROM, TO)).as("the tenant's").isEqualTo(HOUR);
        assertThat(calendars.openMillis("acme", "night", FROM, TO)).as("the queue's own").isZero();
        assertThat(calendars.openMillis("globex", "billing", FROM, TO)).as("everyone's").isEqualTo(HOUR);
    }

    @Test
    void withoutACalendarOrAQueueEveryMillisecondCounts() {
        BusinessCalendars queueOnly = BusinessCalendars.from(Map.of(
                "tenant.acme.queue.night.calendar.zone", "UTC", "tenant.acme.queue.night.calendar.tue", "09:00-17:00"));

        assertThat(queueOnly.openMillis("acme", "billing", FROM, TO)).as("no calendar").isEqualTo(2 * HOUR);
        assertThat(queueOnly.openMillis("acme", "night", FROM, TO)).as("closed on Mondays").isZero();
        assertThat(calendars.openMillis("acme", "", FROM, TO)).as("no queue").isEqualTo(2 * HOUR);
        assertThat(BusinessCalendars.NONE.openMillis("acme", "night", FROM, TO)).isEqualTo(2 * HOUR);
        assertThat(BusinessCalendars.NONE.openMillis("acme", "night", TO, FROM)).as("never negative").isZero();
    }

    @Test
    void aCalendarThatDoesNotParseIsRefusedAtOnce() {
        assertThatThrownBy(() -> BusinessCalendars.from(Map.of("tenant.acme.calendar.zone", "Mars/Olympus")))
                .hasMessageContaining("IANA");
        assertThatThrownBy(() -> BusinessCalendars.from(Map.of("calendar.zone", "UTC", "calendar.fri", "9-5")))
                .hasMessageContaining("end after");
    }
}
