package io.chatpulse.streamjobs.reference;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SurveyOffered;
import java.util.Locale;

/**
 * A countable step of a conversation (volume, conversations handled, resolutions, reopens, surveys) and
 * the agent it belongs to: the author of an agent message, the agent assigned, the resolver, the agent
 * a survey is about, the agent who transferred it away.
 */
enum Step {
    OPENED, REOPENED, RESOLVED, ABANDONED, SURVEY_OFFERED, CUSTOMER_MESSAGE, AGENT_MESSAGE, BOT_MESSAGE,
    ASSIGNED, TRANSFERRED;

    /** The step an event is, or null. */
    static Step of(Object payload) {
        if (payload instanceof MessagePosted m) {
            return switch (m.getSender()) {
                case CUSTOMER -> CUSTOMER_MESSAGE;
                case AGENT -> AGENT_MESSAGE;
                case BOT -> BOT_MESSAGE;
                default -> null;
            };
        }
        return payload instanceof ConversationOpened ? OPENED
                : payload instanceof ConversationReopened ? REOPENED
                : payload instanceof ConversationResolved ? RESOLVED
                : payload instanceof ConversationAbandoned ? ABANDONED
                : payload instanceof SurveyOffered ? SURVEY_OFFERED
                : payload instanceof AgentAssigned ? ASSIGNED
                : payload instanceof ConversationTransferred ? TRANSFERRED
                : null;
    }

    /** The kind as {@code conversation_activity} stores it. */
    String kind() {
        return name().toLowerCase(Locale.ROOT);
    }

    String agentOf(Object payload) {
        String agent = switch (this) {
            case AGENT_MESSAGE -> ((MessagePosted) payload).getSenderId();
            case ASSIGNED -> ((AgentAssigned) payload).getAgentId();
            case RESOLVED -> ((ConversationResolved) payload).getAgentId();
            case SURVEY_OFFERED -> ((SurveyOffered) payload).getAgentId();
            case TRANSFERRED -> ((ConversationTransferred) payload).getFromAgentId();
            default -> null;
        };
        return ConversationFigures.orEmpty(agent);
    }
}
