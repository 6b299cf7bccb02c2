package io.chatpulse.streamjobs.bench;

import io.chatpulse.events.AbandonReason;
import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.Channel;
import io.chatpulse.events.ContentType;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.SurveyOffered;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The events of one customer-service conversation as chat-core publishes them, with random times
 * and paths: a bot answers first in some (then hands off to a queue), some customers abandon the
 * queue, the others are assigned and exchange messages with the agent (sometimes transferred to a
 * second agent) until resolved; some get a survey and some of those rate. Ids are UUIDs like
 * chat-core's, drawn from the given Random so a run can be repeated.
 */
final class SimulatedConversation {

    private static final Channel[] CHANNELS = Channel.values();
    private static final int[] RATINGS = {1, 2, 3, 4, 4, 5, 5, 5};

    private final Random random;
    private final String tenantId;
    private final String conversationId;
    private final List<ConversationEvent> events = new ArrayList<>();
    private long clock;

    private SimulatedConversation(Random random, String tenantId, long openedAt) {
        this.random = random;
        this.tenantId = tenantId;
        this.conversationId = uuid();
        this.clock = openedAt;
    }

    /** The events in event-time order, the first at {@code openedAt}. */
    static List<ConversationEvent> script(Random random, String tenantId, String queueId, int agents, long openedAt) {
        return new SimulatedConversation(random, tenantId, openedAt).play(queueId, agents);
    }

    private List<ConversationEvent> play(String queueId, int agents) {
        boolean botFirst = chance(0.3);
        emit(0, ConversationOpened.newBuilder().setChannel(CHANNELS[random.nextInt(CHANNELS.length)])
                .setCustomerId(uuid()).setQueueId(botFirst ? null : queueId).build());
        if (botFirst) {
            emit(2_000, message(SenderKind.CUSTOMER, null));
            emit(1_500, message(SenderKind.BOT, "bot-1"));
            emit(exponential(15_000), queued(queueId, QueueReason.BOT_HANDOFF));
        } else {
            emit(200, queued(queueId, QueueReason.NEW));
            emit(exponential(5_000), message(SenderKind.CUSTOMER, null));
        }
        if (chance(0.08)) {
            emit(exponential(60_000), ConversationAbandoned.newBuilder().setQueueId(queueId)
                    .setReason(AbandonReason.CUSTOMER_LEFT).build());
            return events;
        }
        String agent = "agent-" + random.nextInt(agents);
        emit(exponential(40_000), AgentAssigned.newBuilder().setAgentId(agent).build());
        agent = converse(agent, agents);
        emit(exponential(20_000), ConversationResolved.newBuilder().setAgentId(agent).setResolvedBy(SenderKind.AGENT).build());
        if (chance(0.6)) {
            emit(0, SurveyOffered.newBuilder().setAgentId(agent).build());
            if (chance(0.4)) {
                emit(exponential(60_000), CsatSubmitted.newBuilder().setRating(RATINGS[random.nextInt(RATINGS.length)])
                        .setComment(null).setAgentId(agent).build());
            }
        }
        return events;
    }

    /** Turns of agent reply and customer answer, ending with the agent; returns the agent at the end. */
    private String converse(String agent, int agents) {
        int turns = 1 + random.nextInt(5);
        for (int turn = 0; turn < turns; turn++) {
            if (turn == 1 && chance(0.1)) {
                String next = "agent-" + random.nextInt(agents);
                emit(5_000, ConversationTransferred.newBuilder().setFromAgentId(agent).setToAgentId(next).build());
                agent = next;
            }
            emit(exponential(30_000), message(SenderKind.AGENT, agent));
            if (turn + 1 < turns) {
                emit(exponential(40_000), message(SenderKind.CUSTOMER, null));
            }
        }
        return agent;
    }

    private ConversationQueued queued(String queueId, QueueReason reason) {
        return ConversationQueued.newBuilder().setQueueId(queueId).setReason(reason).build();
    }

    private MessagePosted message(SenderKind sender, String senderId) {
        return MessagePosted.newBuilder().setMessageId(uuid()).setSender(sender).setSenderId(senderId)
                .setContentType(ContentType.TEXT).setText("Hello, I have a question about my order").build();
    }

    private void emit(long afterMs, Object payload) {
        clock += afterMs;
        events.add(ConversationEvent.newBuilder().setEventId(uuid()).setTenantId(tenantId)
                .setConversationId(conversationId).setEventTime(clock).setPayload(payload).build());
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A wait with the given mean and the long tail of human response times; at least 1 ms. */
    private long exponential(long meanMs) {
        return 1 + (long) (-meanMs * Math.log(1 - random.nextDouble()));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
