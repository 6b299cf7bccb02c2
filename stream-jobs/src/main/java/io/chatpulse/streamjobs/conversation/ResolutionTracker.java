package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolution time (metrics.md): from open (or reopen) to the following resolution; every
 * resolution counts once. An abandon ends the stretch without a resolution. The business-hours
 * variant is the same stretch measured with the calendar of the queue at resolution.
 */
public final class ResolutionTracker {

    private final BusinessCalendars calendars;

    public ResolutionTracker(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    /** Applies one event; {@code where} already follows it. Returns the resolution it completes, if any. */
    public Optional<Resolution> apply(ConversationEvent event, ResolutionState state, ConversationContext where) {
        Object payload = event.getPayload();
        long at = event.getEventTime();
        if (payload instanceof ConversationOpened) {
            start(state, at, false);
        } else if (payload instanceof ConversationReopened) {
            start(state, at, true);
        } else if (payload instanceof ConversationAbandoned) {
            state.open = false;
        } else if (payload instanceof ConversationResolved resolved && state.open) {
            state.open = false;
            return Optional.of(resolution(event, state, where, resolved));
        }
        return Optional.empty();
    }

    private Resolution resolution(ConversationEvent event, ResolutionState state, ConversationContext where,
                                  ConversationResolved resolved) {
        long at = event.getEventTime();
        String queueId = where.queueOrEmpty();
        return new Resolution(event.getTenantId(), queueId, event.getConversationId(),
                Agents.orEmpty(resolved.getAgentId()), resolved.getResolvedBy().name().toLowerCase(Locale.ROOT),
                state.startedAt, at, Durations.between(state.startedAt, at), state.reopened,
                calendars.openMillis(event.getTenantId(), queueId, state.startedAt, at));
    }

    private static void start(ResolutionState state, long at, boolean reopened) {
        state.open = true;
        state.startedAt = at;
        state.reopened = reopened;
    }
}
