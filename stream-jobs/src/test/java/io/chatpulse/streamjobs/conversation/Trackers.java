package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs events through one tracker the way {@link ConversationKpis} does, collecting its figures. */
final class Trackers {

    /** Tenant acme's queue billing is open mon..fri 09:00-17:00 in Berlin; its other queues always. */
    static final BusinessCalendars OFFICE_HOURS = BusinessCalendars.from(Map.of(
            "tenant.acme.queue.billing.calendar.zone", "Europe/Berlin",
            "tenant.acme.queue.billing.calendar.mon", "09:00-17:00",
            "tenant.acme.queue.billing.calendar.tue", "09:00-17:00",
            "tenant.acme.queue.billing.calendar.wed", "09:00-17:00",
            "tenant.acme.queue.billing.calendar.thu", "09:00-17:00",
            "tenant.acme.queue.billing.calendar.fri", "09:00-17:00"));

    @FunctionalInterface
    interface Tracker<S, R> {
        Optional<R> apply(ConversationEvent event, S state, ConversationContext where);
    }

    private Trackers() {
    }

    /** A Berlin wall-clock time as epoch ms. */
    static long berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
    }

    static <S, R> List<R> run(S state, Tracker<S, R> tracker, ConversationEvent... events) {
        ConversationContext where = new ConversationContext();
        List<R> figures = new ArrayList<>();
        for (ConversationEvent event : events) {
            where.follow(event);
            tracker.apply(event, state, where).ifPresent(figures::add);
        }
        return figures;
    }
}
