package io.chatpulse.e2e.cluster;

import io.chatpulse.events.Channel;
import io.chatpulse.events.ContentType;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.EventSerde;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Conversations of one tenant written to Kafka as chat-core writes them (keyed by conversation, Avro
 * single-object encoding, acks=all): each opened in a queue, then customer messages. Counts what it
 * sent, so a test expects figures from its own count, never from the job's code.
 */
final class ConversationTraffic implements AutoCloseable {

    private final KafkaProducer<String, ConversationEvent> producer;
    private final String tenant;
    private int conversations;
    private long customerMessages;

    ConversationTraffic(String bootstrapServers, String tenant) {
        this.tenant = tenant;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new EventSerde<>(EventCodec.CONVERSATION).serializer());
    }

    String tenant() {
        return tenant;
    }

    /** Sends {@code count} new conversations of {@code messagesEach} customer messages; returns once Kafka has them all. */
    void send(int count, int messagesEach) {
        for (int i = 0; i < count; i++) {
            String conversation = tenant + "-c" + (++conversations);
            int sequence = 0;
            send(conversation, ++sequence, ConversationOpened.newBuilder().setChannel(Channel.WEB)
                    .setCustomerId("customer-" + conversations).setQueueId("cluster-queue").build());
            for (int m = 0; m < messagesEach; m++) {
                send(conversation, ++sequence, MessagePosted.newBuilder().setMessageId(conversation + "-m" + m)
                        .setSender(SenderKind.CUSTOMER).setContentType(ContentType.TEXT).setText("hello").build());
                customerMessages++;
            }
        }
        producer.flush();
    }

    long customerMessages() {
        return customerMessages;
    }

    private void send(String conversation, int sequence, Object payload) {
        ConversationEvent event = ConversationEvent.newBuilder().setEventId(conversation + "-e" + sequence)
                .setTenantId(tenant).setConversationId(conversation).setEventTime(System.currentTimeMillis())
                .setPayload(payload).build();
        producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, conversation, event));
    }

    @Override
    public void close() {
        producer.close();
    }
}
