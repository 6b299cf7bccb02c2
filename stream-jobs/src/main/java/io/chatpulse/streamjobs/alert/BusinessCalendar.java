package io.chatpulse.streamjobs.alert;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A queue's weekly opening hours in its own IANA time zone, e.g. mon..fri 09:00-17:00 in
 * Europe/Berlin. Days without hours are closed; {@code 00:00-24:00} is open all day. Daylight saving
 * changes follow the zone's rules.
 */
public final class BusinessCalendar implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Opening hours of one day, in minutes of the day, end exclusive. */
    private record Hours(int fromMinute, int toMinute) implements Serializable {
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Hours>> week;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Hours>> week) {
        this.zone = zone;
        this.week = week;
    }

    /**
     * @param zone an IANA zone name
     * @param days per day ({@code mon} .. {@code sun}): {@code 09:00-12:00,13:00-17:00}; missing = closed
     */
    public static BusinessCalendar of(String zone, Map<String, String> days) {
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("calendar zone must be an IANA time zone name: " + zone);
        }
        Map<DayOfWeek, List<Hours>> week = new EnumMap<>(DayOfWeek.class);
        for (Map.Entry<String, String> day : days.entrySet()) {
            week.put(day(day.getKey()), hours(day.getKey(), day.getValue()));
        }
        return new BusinessCalendar(zoneId, week);
    }

    public boolean isOpen(long epochMs) {
        var local = Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDateTime();
        int minute = local.getHour() * 60 + local.getMinute();
        return week.getOrDefault(local.getDayOfWeek(), List.of()).stream()
                .anyMatch(h -> minute >= h.fromMinute() && minute < h.toMinute());
    }

    /** The first opening or closing after {@code epochMs}; none when the week has no hours at all. */
    public long nextChange(long epochMs) {
        LocalDate today = Instant.ofEpochMilli(epochMs).atZone(zone).toLocalDate();
        long next = Long.MAX_VALUE;
        for (int d = -1; d <= 8; d++) {
            LocalDate date = today.plusDays(d);
            for (Hours h : week.getOrDefault(date.getDayOfWeek(), List.of())) {
                for (int minute : new int[] {h.fromMinute(), h.toMinute()}) {
                    long at = date.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant().toEpochMilli();
                    if (at > epochMs && at < next) {
                        next = at;
                    }
                }
            }
        }
        return next;
    }

    private static DayOfWeek day(String name) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT)) && name.length() >= 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("calendar day must be mon, tue, wed, thu, fri, sat or sun: " + name);
    }

    private static List<Hours> hours(String day, String text) {
        List<Hours> hours = new ArrayList<>();
        for (String range : text.split(",")) {
            String r = range.strip();
            if (r.isEmpty() || r.equalsIgnoreCase("closed")) {
                continue;
            }
            String[] ends = r.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("calendar hours of " + day + " must look like 09:00-17:00: " + text);
            }
            int from = minute(day, ends[0]);
            int to = minute(day, ends[1]);
            if (to <= from) {
                throw new IllegalArgumentException("calendar hours of " + day + " must end after they start: " + r);
            }
            hours.add(new Hours(from, to));
        }
        return hours;
    }

    private static int minute(String day, String hhmm) {
        String[] parts = hhmm.strip().split(":");
        try {
            int h = Integer.parseInt(parts[0]);
            int m = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) {
                throw new NumberFormatException();
            }
            return h * 60 + m;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("calendar time of " + day + " must be HH:MM (00:00..24:00): " + hhmm);
        }
    }
}
