package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.util.Optional;

/**
 * Reply time (metrics.md): for each agent message that follows one or more customer messages since
 * the previous agent message, that agent message minus the first of those customer messages.
 * Bot messages neither start nor stop it, and nothing else does either, as the contract names
 * nothing else: a customer message to the bot before a handoff, or one left unanswered at a
 * resolution, waits until the next agent message, across the handoff or the reopen. The
 * business-hours variant is the same stretch measured with the calendar of the reply's queue.
 */
public final class ReplyTimeTracker {

    private final BusinessCalendars calendars;

    public ReplyTimeTracker(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    /** Applies one event; {@code where} already follows it. Returns the reply time it completes, if any. */
    public Optional<ReplyTime> apply(ConversationEvent event, ReplyTimeState state, ConversationContext where) {
        Object payload = event.getPayload();
        if (payload instanceof MessagePosted message) {
            if (message.getSender() == SenderKind.CUSTOMER && !state.pending) {
                state.pending = true;
                state.firstCustomerAt = event.getEventTime();
            } else if (message.getSender() == SenderKind.AGENT && state.pending) {
                state.pending = false;
                return Optional.of(reply(event, state, where, message));
            }
        }
        return Optional.empty();
    }

    private ReplyTime reply(ConversationEvent event, ReplyTimeState state, ConversationContext where,
                            MessagePosted message) {
        long repliedAt = event.getEventTime();
        String queueId = where.queueOrEmpty();
        return new ReplyTime(event.getTenantId(), queueId, event.getConversationId(), Agents.author(message, where),
                state.firstCustomerAt, repliedAt, Durations.between(state.firstCustomerAt, repliedAt),
                calendars.openMillis(event.getTenantId(), queueId, state.firstCustomerAt, repliedAt));
    }
}
