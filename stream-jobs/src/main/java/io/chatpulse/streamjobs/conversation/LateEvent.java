package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.ConversationEvent;
import java.time.Duration;
import java.time.Instant;

/** Why an event older than its conversation's newest applied one is not applied, in a dead letter's words. */
final class LateEvent {

    private LateEvent() {
    }

    static String reason(ConversationEvent event, long appliedUpTo, Duration reorderWindow) {
        return String.format("late event: %s %s of conversation %s at %s is %d ms older than the conversation's"
                        + " newest applied event (%s), beyond the reorder window of %d ms; applying it now would"
                        + " change figures already written",
                event.getPayload().getClass().getSimpleName(), event.getEventId(), event.getConversationId(),
                Instant.ofEpochMilli(event.getEventTime()), appliedUpTo - event.getEventTime(),
                Instant.ofEpochMilli(appliedUpTo), reorderWindow.toMillis());
    }
}
