package io.chatpulse.chatcore.events;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes events to Kafka and returns only once the broker acknowledged every one of them
 * (acks=all; several events of one call in one committed transaction), so callers may apply a
 * state change after it returns and must leave state untouched when it throws.
 */
@Component
public class EventPublisher {

    /** Record header carrying the queue ticket of a ConversationQueued, so a replay keeps queue order. */
    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);

    public static final String WAIT_TICKET_HEADER = "chatpulse.wait-ticket";

    private final KafkaTemplate<String, byte[]> single;
    private final KafkaTemplate<String, byte[]> transactional;
    private final EventsProperties properties;

    public EventPublisher(@Qualifier("eventTemplate") KafkaTemplate<String, byte[]> single,
            @Qualifier("transactionalEventTemplate") KafkaTemplate<String, byte[]> transactional,
            EventsProperties properties) {
        this.single = single;
        this.transactional = transactional;
        this.properties = properties;
    }

    /** Events of one conversation, in order on its key (one partition, so they stay ordered). */
    /** {@code callHeaders}: headers every record carries (the Idempotency-Key of the call). */
    public void publishConversationEvents(List<ConversationEvent> events, long waitTicket, List<Header> callHeaders) {
        publish(events.stream().map(event -> conversationRecord(event, waitTicket, callHeaders)).toList());
    }

    public void publishAgentEvent(AgentEvent event, List<Header> callHeaders) {
        publish(List.of(new ProducerRecord<>(Topics.AGENT_EVENTS, null, event.getAgentId(),
                EventCodec.AGENT.encode(event), callHeaders)));
    }

    /**
     * Waits until a transactional producer can be initialised. On a fresh broker the first
     * InitProducerId creates the transaction state topic, which may take longer than a request
     * may wait (max.block.ms); start-up waits for it instead of the first customer.
     */
    public void awaitTransactions(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                transactional.executeInTransaction(kafka -> null);
                return;
            } catch (RuntimeException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Kafka transactions not available within " + timeout, e);
                }
                log.info("waiting for Kafka transactions: {}", e.getMessage());
            }
        }
    }

    private static ProducerRecord<String, byte[]> conversationRecord(ConversationEvent event, long waitTicket,
            List<Header> callHeaders) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONVERSATION_EVENTS, null,
                event.getConversationId(), EventCodec.CONVERSATION.encode(event), callHeaders);
        if (event.getPayload() instanceof ConversationQueued) {
            record.headers().add(WAIT_TICKET_HEADER, Long.toString(waitTicket).getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private void publish(List<ProducerRecord<String, byte[]>> records) {
        try {
            if (records.size() == 1) {
                single.send(records.get(0)).get(properties.ackTimeout().toNanos(), TimeUnit.NANOSECONDS);
            } else {
                // commitTransaction flushes and fails if any send failed; a failure aborts the transaction.
                transactional.executeInTransaction(kafka -> {
                    records.forEach(kafka::send);
                    return null;
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventsUnavailableException("interrupted while waiting for Kafka", e);
        } catch (TimeoutException e) {
            throw new EventsUnavailableException("Kafka did not acknowledge within " + properties.ackTimeout(), e);
        } catch (ExecutionException e) {
            throw new EventsUnavailableException("Kafka refused the event: " + e.getCause(), e.getCause());
        } catch (RuntimeException e) {
            // send() fails when metadata cannot be fetched within max.block.ms; commit when the broker is gone
            throw new EventsUnavailableException("Kafka unavailable: " + e, e);
        }
    }
}
