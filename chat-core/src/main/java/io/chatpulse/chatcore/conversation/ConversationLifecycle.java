package io.chatpulse.chatcore.conversation;

import static io.chatpulse.chatcore.conversation.ConversationState.ASSIGNED;
import static io.chatpulse.chatcore.conversation.ConversationState.BOT;
import static io.chatpulse.chatcore.conversation.ConversationState.QUEUED;
import static io.chatpulse.chatcore.conversation.ConversationState.RESOLVED;

import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.SurveyOffered;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The conversation state machine: which action is allowed in which state, the next state and
 * the events that record it. Pure: no I/O, the caller publishes the events and stores the state.
 */
public class ConversationLifecycle {

    private final LongSupplier waitTickets;

    public ConversationLifecycle() {
        this(new AtomicLong()::incrementAndGet);
    }

    public ConversationLifecycle(LongSupplier waitTickets) {
        this.waitTickets = waitTickets;
    }

    /** Opens into a queue, or with a bot first when {@code queueId} is null. */
    public Transition open(String id, String tenantId, String customerId, Channel channel, String queueId,
            Instant now) {
        Conversation opened = Conversation.opened(id, tenantId, customerId, channel, now);
        ConversationOpened event = new ConversationOpened(channel, customerId, queueId);
        if (queueId == null) {
            return Transition.of(opened, event);
        }
        return Transition.of(opened.enterQueue(queueId, now, waitTickets.getAsLong()), event,
                new ConversationQueued(queueId, QueueReason.NEW));
    }

    public Transition postMessage(Conversation c, String messageId, SenderKind sender, String agentId,
            MessageContent content, Instant now) {
        requireActive(c, "post a message");
        if (sender == SenderKind.AGENT && !c.isAssignedTo(agentId)) {
            throw new ActionNotAllowedException("agent " + agentId + " is not assigned to this conversation");
        }
        if (sender == SenderKind.CUSTOMER || sender == SenderKind.AGENT || sender == SenderKind.BOT) {
            String senderId = sender == SenderKind.AGENT ? agentId : null;
            MessagePosted event = new MessagePosted(messageId, sender, senderId, content.type(), content.text(),
                    content.attachmentUrl(), content.sizeBytes());
            return Transition.of(c.countMessage(sender, now), event);
        }
        throw new ActionNotAllowedException("sender " + sender + " cannot post messages");
    }

    public Transition assign(Conversation c, String agentId, Instant now) {
        if (c.state() == ASSIGNED) {
            throw new ActionNotAllowedException(agentId.equals(c.assigneeId())
                    ? "already assigned to " + agentId
                    : "assigned to " + c.assigneeId() + "; transfer it instead");
        }
        requireState(c, QUEUED, "assign an agent");
        return Transition.of(c.assign(agentId, now), new AgentAssigned(agentId, c.queueId()));
    }

    public Transition resolve(Conversation c, Instant now) {
        if (c.state() == ASSIGNED) {
            return Transition.of(c.resolve(now), new ConversationResolved(c.assigneeId(), SenderKind.AGENT),
                    new SurveyOffered(c.assigneeId()));
        }
        if (c.state() == BOT) {
            return Transition.of(c.resolve(now), new ConversationResolved(null, SenderKind.BOT), new SurveyOffered(null));
        }
        throw new ActionNotAllowedException(c.state() == QUEUED
                ? "conversation is waiting in queue " + c.queueId() + "; no agent to resolve it"
                : "conversation is " + c.state() + "; cannot resolve it");
    }

    public Transition submitCsat(Conversation c, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be between 1 and 5");
        }
        requireState(c, RESOLVED, "rate it");
        if (c.csatRating() != null) {
            throw new ActionNotAllowedException("the survey of this resolution was already answered");
        }
        return Transition.of(c.rate(rating), new CsatSubmitted(rating, comment, c.creditedAgentId()));
    }

    public Transition transferToAgent(Conversation c, String toAgentId, Instant now) {
        requireState(c, ASSIGNED, "transfer it to an agent");
        if (toAgentId.equals(c.assigneeId())) {
            throw new ActionNotAllowedException("already assigned to " + toAgentId);
        }
        return Transition.of(c.assign(toAgentId, now), new ConversationTransferred(c.assigneeId(), toAgentId, null),
                new AgentAssigned(toAgentId, c.queueId()));
    }

    /** To a queue: ends any agent episode and starts a new wait. */
    public Transition transferToQueue(Conversation c, String toQueueId, Instant now) {
        if (c.state() == QUEUED && toQueueId.equals(c.queueId())) {
            throw new ActionNotAllowedException("already waiting in queue " + toQueueId);
        }
        if (c.state() != ASSIGNED && c.state() != QUEUED) {
            throw notAllowed(c, "transfer it");
        }
        return Transition.of(c.enterQueue(toQueueId, now, waitTickets.getAsLong()),
                new ConversationTransferred(c.assigneeId(), null, toQueueId),
                new ConversationQueued(toQueueId, QueueReason.TRANSFER));
    }

    /** The assignee left (away, offline): the conversation waits again in its queue. */
    public Transition handBack(Conversation c, Instant now) {
        requireState(c, ASSIGNED, "hand it back");
        return Transition.of(c.enterQueue(c.queueId(), now, waitTickets.getAsLong()),
                new ConversationTransferred(c.assigneeId(), null, c.queueId()),
                new ConversationQueued(c.queueId(), QueueReason.REQUEUE));
    }

    /**
     * An agent reopening it takes it back directly; otherwise it waits in its queue again (or
     * goes back to the bot when it never had a queue).
     */
    public Transition reopen(Conversation c, SenderKind by, String agentId, Instant now) {
        requireState(c, RESOLVED, "reopen it");
        ConversationReopened reopened = new ConversationReopened(by);
        if (by == SenderKind.AGENT && agentId != null) {
            return Transition.of(c.reopen().assign(agentId, now), reopened, new AgentAssigned(agentId, c.queueId()));
        }
        if (c.queueId() == null) {
            return Transition.of(c.reopen(), reopened);
        }
        return Transition.of(c.reopen().enterQueue(c.queueId(), now, waitTickets.getAsLong()), reopened,
                new ConversationQueued(c.queueId(), QueueReason.REOPEN));
    }

    public Transition abandon(Conversation c, AbandonReason reason, Instant now) {
        requireState(c, QUEUED, "abandon it (only a waiting customer can abandon)");
        return Transition.of(c.abandon(now), new ConversationAbandoned(c.queueId(), reason));
    }

    public Transition handOffFromBot(Conversation c, String queueId, Instant now) {
        requireState(c, BOT, "hand it off from the bot");
        return Transition.of(c.enterQueue(queueId, now, waitTickets.getAsLong()),
                new ConversationQueued(queueId, QueueReason.BOT_HANDOFF));
    }

    private static void requireActive(Conversation c, String action) {
        if (c.state() == RESOLVED || c.state() == ConversationState.ABANDONED) {
            throw notAllowed(c, action);
        }
    }

    private static void requireState(Conversation c, ConversationState expected, String action) {
        if (c.state() != expected) {
            throw notAllowed(c, action);
        }
    }

    private static ActionNotAllowedException notAllowed(Conversation c, String action) {
        return new ActionNotAllowedException("conversation is " + c.state() + "; cannot " + action);
    }
}
