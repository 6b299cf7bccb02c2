package io.chatpulse.chatcore.queue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A weekly calendar: per day one opening "HH:mm-HH:mm" (end exclusive; "24:00" ends at
 * midnight). No day configured at all means always open; a day left out of a configured
 * calendar is closed.
 */
public final class BusinessHours {

    private record Opening(LocalTime from, LocalTime until, boolean untilMidnight) {
        boolean contains(LocalTime t) {
            return !t.isBefore(from) && (untilMidnight || t.isBefore(until));
        }

        @Override
        public String toString() {
            return from + "-" + (untilMidnight ? "24:00" : until.toString());
        }
    }

    private final Map<DayOfWeek, Opening> week;

    private BusinessHours(Map<DayOfWeek, Opening> week) {
        this.week = week;
    }

    /** @param days day name (monday, TUESDAY, ...) to "HH:mm-HH:mm"; null or empty: always open */
    public static BusinessHours parse(Map<String, String> days) {
        Map<DayOfWeek, Opening> week = new EnumMap<>(DayOfWeek.class);
        if (days != null) {
            days.forEach((day, hours) -> week.put(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)),
                    opening(day, hours)));
        }
        return new BusinessHours(week);
    }

    public boolean alwaysOpen() {
        return week.isEmpty();
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        if (week.isEmpty()) {
            return true;
        }
        ZonedDateTime local = at.atZone(zone);
        Opening opening = week.get(local.getDayOfWeek());
        return opening != null && opening.contains(local.toLocalTime());
    }

    /** monday -> "09:00-17:00", in week order; empty when always open. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        week.forEach((day, opening) -> map.put(day.name().toLowerCase(Locale.ROOT), opening.toString()));
        return map;
    }

    private static Opening opening(String day, String hours) {
        String[] parts = hours == null ? new String[0] : hours.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("business hours of " + day + " must look like 09:00-17:00, got " + hours);
        }
        LocalTime from = LocalTime.parse(parts[0].trim());
        boolean untilMidnight = parts[1].trim().equals("24:00");
        LocalTime until = untilMidnight ? LocalTime.MAX : LocalTime.parse(parts[1].trim());
        if (!untilMidnight && !until.isAfter(from)) {
            throw new IllegalArgumentException("business hours of " + day + " end before they start: " + hours);
        }
        return new Opening(from, until, untilMidnight);
    }
}
