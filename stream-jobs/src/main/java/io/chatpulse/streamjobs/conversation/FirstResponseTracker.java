package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.util.Optional;

/**
 * First response time (metrics.md): from the last non-human start (open, reopen, or a bot
 * handoff, i.e. {@link ConversationQueued} with reason {@link QueueReason#BOT_HANDOFF}) to the
 * first message of a human agent after it. Bot messages do not stop the clock. A resolution or
 * an abandon before any agent message stops the clock without a figure: nobody responded. The
 * business-hours variant is the same stretch measured with the calendar of the response's queue.
 */
public final class FirstResponseTracker {

    private final BusinessCalendars calendars;

    public FirstResponseTracker(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    /** Applies one event; {@code where} already follows it. Returns the first response it completes, if any. */
    public Optional<FirstResponse> apply(ConversationEvent event, FirstResponseState state, ConversationContext where) {
        Object payload = event.getPayload();
        long at = event.getEventTime();
        if (payload instanceof ConversationOpened || payload instanceof ConversationReopened) {
            start(state, at);
        } else if (payload instanceof ConversationQueued queued && queued.getReason() == QueueReason.BOT_HANDOFF) {
            start(state, at);
        } else if (payload instanceof MessagePosted message && message.getSender() == SenderKind.AGENT) {
            return respond(event, state, where, message);
        } else if (payload instanceof ConversationResolved || payload instanceof ConversationAbandoned) {
            state.awaiting = false;
        }
        return Optional.empty();
    }

    private static void start(FirstResponseState state, long at) {
        state.awaiting = true;
        state.startedAt = at;
    }

    private Optional<FirstResponse> respond(ConversationEvent event, FirstResponseState state,
                                            ConversationContext where, MessagePosted message) {
        if (!state.awaiting) {
            return Optional.empty();
        }
        state.awaiting = false;
        long respondedAt = event.getEventTime();
        String queueId = where.queueOrEmpty();
        return Optional.of(new FirstResponse(event.getTenantId(), queueId, event.getConversationId(),
                Agents.author(message, where), state.startedAt, respondedAt,
                Durations.between(state.startedAt, respondedAt),
                calendars.openMillis(event.getTenantId(), queueId, state.startedAt, respondedAt)));
    }
}
