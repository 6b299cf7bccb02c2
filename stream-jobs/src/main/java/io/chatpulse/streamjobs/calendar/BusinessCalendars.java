package io.chatpulse.streamjobs.calendar;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The business calendar of every tenant's queues, from the settings of {@code ALERT_RULES} and
 * {@code ALERT_RULES_FILE}: one definition that the queue monitor (queue_wait fires inside business
 * hours) and the KPI job (business-hours FRT, reply and resolution time) both read. For example:
 *
 * <pre>
 * tenant.acme.calendar.zone=Europe/Berlin
 * tenant.acme.calendar.mon=09:00-17:00
 * tenant.acme.calendar.tue=09:00-12:00,13:00-17:00
 * tenant.acme.queue.night.calendar.zone=UTC
 * tenant.acme.queue.night.calendar.mon=00:00-06:00,22:00-24:00
 * </pre>
 *
 * A calendar is taken whole from the most specific level that names a zone: the queue's, the
 * tenant's, then {@code calendar.*} for everyone. No zone at any level: always open.
 */
public final class BusinessCalendars implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String ZONE = "calendar.zone";
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    /** No calendar anywhere: every queue always open. */
    public static final BusinessCalendars NONE = new BusinessCalendars(Map.of());

    /** By the prefix of the level that defines them: {@code tenant.<t>.queue.<q>.}, {@code tenant.<t>.} or empty. */
    private final Map<String, BusinessCalendar> byPrefix;

    private BusinessCalendars(Map<String, BusinessCalendar> byPrefix) {
        this.byPrefix = byPrefix;
    }

    /** Parses every calendar of the settings now, so a typo stops the job at start, not at the first event. */
    public static BusinessCalendars from(Map<String, String> settings) {
        Map<String, BusinessCalendar> byPrefix = new HashMap<>();
        for (String key : settings.keySet()) {
            if (key.endsWith(ZONE)) {
                String prefix = key.substring(0, key.length() - ZONE.length());
                byPrefix.put(prefix, calendarAt(settings, prefix));
            }
        }
        return new BusinessCalendars(byPrefix);
    }

    /** The queue's business hours; empty: always open. */
    public Optional<BusinessCalendar> of(String tenant, String queue) {
        for (String prefix : List.of("tenant." + tenant + ".queue." + queue + ".", "tenant." + tenant + ".", "")) {
            BusinessCalendar calendar = byPrefix.get(prefix);
            if (calendar != null) {
                return Optional.of(calendar);
            }
        }
        return Optional.empty();
    }

    /**
     * Milliseconds of {@code [start, end)} inside the business hours of a figure's queue (0 when end
     * is not after start). A figure of no queue ({@code queueId} empty: only a bot or a direct
     * transfer saw the conversation) or of a queue without a calendar counts every millisecond.
     */
    public long openMillis(String tenant, String queueId, long start, long end) {
        if (end <= start) {
            return 0;
        }
        if (queueId.isEmpty() || byPrefix.isEmpty()) {
            return end - start;
        }
        return of(tenant, queueId).map(calendar -> calendar.openMillis(start, end)).orElse(end - start);
    }

    private static BusinessCalendar calendarAt(Map<String, String> settings, String prefix) {
        Map<String, String> days = new HashMap<>();
        for (String day : DAYS) {
            String hours = settings.get(prefix + "calendar." + day);
            if (hours != null) {
                days.put(day, hours);
            }
        }
        return BusinessCalendar.of(settings.get(prefix + ZONE), days);
    }
}
