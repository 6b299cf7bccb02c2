package io.chatpulse.streamjobs.calendar;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A queue's weekly opening hours in its own IANA time zone, e.g. mon..fri 09:00-17:00 in
 * Europe/Berlin. Days without hours are closed; {@code 00:00-24:00} is open all day. Daylight saving
 * changes follow the zone's rules: open is whatever the local clock shows inside the hours, so the
 * day summer time ends is an hour longer for a queue open through the night.
 */
public final class BusinessCalendar implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long MINUTE_MS = 60_000;
    private static final long DAY_MS = 1_440 * MINUTE_MS;

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

    /**
     * Milliseconds of {@code [from, to)} that are open (0 when {@code to <= from}): exactly the
     * instants {@link #isOpen} says are open. Between two offset changes of the zone the local clock
     * runs with the real one, so each such stretch is measured on the local time line.
     */
    public long openMillis(long from, long to) {
        ZoneRules rules = zone.getRules();
        long open = 0;
        long start = from;
        while (start < to) {
            Instant at = Instant.ofEpochMilli(start);
            ZoneOffsetTransition change = rules.nextTransition(at);
            long end = change == null ? to : Math.min(to, change.getInstant().toEpochMilli());
            long offsetMs = rules.getOffset(at).getTotalSeconds() * 1000L;
            open += openLocalMillis(start + offsetMs, end + offsetMs);
            start = end;
        }
        return open;
    }

    /** Open milliseconds of {@code [from, to)} in local time, as milliseconds since 1970-01-01T00:00 local. */
    private long openLocalMillis(long from, long to) {
        long open = 0;
        for (long day = Math.floorDiv(from, DAY_MS); day * DAY_MS < to; day++) {
            for (Hours h : week.getOrDefault(LocalDate.ofEpochDay(day).getDayOfWeek(), List.of())) {
                long start = Math.max(from, day * DAY_MS + h.fromMinute() * MINUTE_MS);
                long end = Math.min(to, day * DAY_MS + h.toMinute() * MINUTE_MS);
                open += Math.max(0, end - start);
            }
        }
        return open;
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
        return merged(hours);
    }

    /** Overlapping or touching ranges as one, so no minute is counted twice and no closing is seen inside them. */
    private static List<Hours> merged(List<Hours> hours) {
        List<Hours> sorted = new ArrayList<>(hours);
        sorted.sort(Comparator.comparingInt(Hours::fromMinute));
        List<Hours> merged = new ArrayList<>();
        for (Hours h : sorted) {
            Hours last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && h.fromMinute() <= last.toMinute()) {
                merged.set(merged.size() - 1, new Hours(last.fromMinute(), Math.max(last.toMinute(), h.toMinute())));
            } else {
                merged.add(h);
            }
        }
        return merged;
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
