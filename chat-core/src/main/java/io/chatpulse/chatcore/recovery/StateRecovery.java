package io.chatpulse.chatcore.recovery;

import io.chatpulse.chatcore.agent.Agent;
import io.chatpulse.chatcore.agent.AgentRepository;
import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationProperties;
import io.chatpulse.chatcore.conversation.ConversationReplay;
import io.chatpulse.chatcore.conversation.ConversationRepository;
import io.chatpulse.chatcore.conversation.WaitTickets;
import io.chatpulse.chatcore.events.EventPublisher;
import io.chatpulse.chatcore.events.EventsProperties;
import io.chatpulse.chatcore.idempotency.IdempotencyStore;
import io.chatpulse.chatcore.idempotency.RecordedCalls;
import io.chatpulse.chatcore.routing.Dispatcher;
import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Restart loses nothing: at start-up the agent and conversation topics are read from the
 * beginning and replayed (agents: their last status; conversations: {@link ConversationReplay}),
 * then waiting work is routed again and the API opens. Closed conversations past their
 * retention are not kept. The Idempotency-Keys the events carry go back to the store, and an
 * event written twice under a key (a retry after an unknown outcome) is applied once.
 */
@Component
public class StateRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StateRecovery.class);

    private final KafkaProperties kafka;
    private final EventPublisher publisher;
    private final EventsProperties events;
    private final ConversationRepository conversations;
    private final AgentRepository agents;
    private final WaitTickets tickets;
    private final Dispatcher dispatcher;
    private final ConversationProperties conversationProperties;
    private final Readiness readiness;
    private final IdempotencyStore keys;
    private final Clock clock;

    public StateRecovery(KafkaProperties kafka, EventPublisher publisher, EventsProperties events, ConversationRepository conversations,
            AgentRepository agents, WaitTickets tickets, Dispatcher dispatcher,
            ConversationProperties conversationProperties, Readiness readiness, IdempotencyStore keys, Clock clock) {
        this.kafka = kafka;
        this.publisher = publisher;
        this.events = events;
        this.conversations = conversations;
        this.agents = agents;
        this.tickets = tickets;
        this.dispatcher = dispatcher;
        this.conversationProperties = conversationProperties;
        this.readiness = readiness;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        publisher.awaitTransactions(events.recoveryTimeout());
        TopicReader reader = new TopicReader(kafka.buildConsumerProperties(), events.recoveryTimeout());
        RecordedCalls calls = new RecordedCalls(keys);
        Map<String, Agent> lastStatus = new HashMap<>();
        reader.readAll(Topics.AGENT_EVENTS, record -> replayAgent(record, lastStatus, calls));
        Map<String, Conversation> state = new HashMap<>();
        reader.readAll(Topics.CONVERSATION_EVENTS, record -> replayConversation(record, state, calls));

        lastStatus.values().forEach(agents::save);
        Instant cutoff = clock.instant().minus(conversationProperties.retention());
        List<Conversation> kept = state.values().stream()
                .filter(c -> !c.isClosed() || !c.closedAt().isBefore(cutoff)).toList();
        kept.forEach(conversations::save);
        readiness.ready();
        log.info("state rebuilt from the event log in {} ms: {} agents, {} conversations ({} read)",
                (System.nanoTime() - started) / 1_000_000, lastStatus.size(), kept.size(), state.size());
        conversations.tenants().forEach(dispatcher::dispatch);
    }

    private void replayAgent(ConsumerRecord<String, byte[]> record, Map<String, Agent> lastStatus, RecordedCalls calls) {
        AgentEvent event = decode(record, EventCodec.AGENT::decode);
        if (event != null && calls.firstCopy(record, event.getTenantId(), event.getEventId())
                && event.getPayload() instanceof AgentStatusChanged status) {
            lastStatus.put(event.getTenantId() + '/' + event.getAgentId(), new Agent(event.getAgentId(),
                    event.getTenantId(), status.getStatus(), status.getCapacity(), List.copyOf(
                            status.getSkills().stream().map(CharSequence::toString).toList())));
        }
    }

    private void replayConversation(ConsumerRecord<String, byte[]> record, Map<String, Conversation> state,
            RecordedCalls calls) {
        ConversationEvent event = decode(record, EventCodec.CONVERSATION::decode);
        if (event == null || !calls.firstCopy(record, event.getTenantId(), event.getEventId())) {
            return;
        }
        long ticket = waitTicket(record);
        tickets.advancePast(ticket);
        state.compute(event.getTenantId() + '/' + event.getConversationId(),
                (key, current) -> ConversationReplay.apply(current, event, ticket));
    }

    /** The ticket written with a ConversationQueued; records without one line up in log order. */
    private long waitTicket(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EventPublisher.WAIT_TICKET_HEADER);
        return header == null ? tickets.getAsLong() : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static <T> T decode(ConsumerRecord<String, byte[]> record, java.util.function.Function<byte[], T> codec) {
        try {
            return codec.apply(record.value());
        } catch (RuntimeException e) {
            // The dead-letter handling belongs to the readers of the log; a replay only must not stop.
            log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return null;
        }
    }
}
