package io.chatpulse.chatcore.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void openOnlyWithinTheDaysHoursInTheQueuesTimezone() {
        BusinessHours hours = BusinessHours.parse(Map.of("monday", "09:00-17:00", "SATURDAY", "10:00-24:00"));

        // 2026-11-23 is a Monday; Berlin is UTC+1 in November
        assertThat(hours.isOpen(Instant.parse("2026-11-23T07:59:00Z"), BERLIN)).isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-23T08:00:00Z"), BERLIN)).isTrue();
        assertThat(hours.isOpen(Instant.parse("2026-11-23T16:00:00Z"), BERLIN)).as("17:00 is closed").isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-24T10:00:00Z"), BERLIN)).as("Tuesday not listed").isFalse();
        assertThat(hours.isOpen(Instant.parse("2026-11-28T22:59:00Z"), BERLIN)).as("23:59 Saturday").isTrue();
        assertThat(hours.asMap()).containsExactly(Map.entry("monday", "09:00-17:00"), Map.entry("saturday", "10:00-24:00"));
    }

    @Test
    void noCalendarIsAlwaysOpenAndABadOneFailsFast() {
        assertThat(BusinessHours.parse(null).isOpen(Instant.EPOCH, BERLIN)).isTrue();
        assertThatThrownBy(() -> BusinessHours.parse(Map.of("monday", "17:00-09:00")))
                .hasMessageContaining("end before they start");
        assertThatThrownBy(() -> BusinessHours.parse(Map.of("funday", "09:00-17:00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
