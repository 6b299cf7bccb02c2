package io.chatpulse.streamjobs.history;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes conversation events as chat-core does (key = conversation id, so a conversation's events
 * stay in order on one partition; value = Avro single-object encoding), asynchronously and in
 * large compressed batches, each marked with the import run's id ({@link Topics#HEADER_IMPORT_ID}).
 * Nothing counts as imported before {@link #flush()} has returned.
 */
final class EventSender implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final ImportedRecords imported;
    private final byte[] importId;

    /** @param imported where the acknowledged records of this run are noted; its id goes on every record */
    EventSender(String bootstrapServers, ImportedRecords imported) {
        this.imported = imported;
        this.importId = imported.importId().getBytes(StandardCharsets.UTF_8);
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "chatpulse-history-import",
                ProducerConfig.ACKS_CONFIG, "all",
                // Idempotence: a retried batch is written once and never overtakes the one before it.
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends one event; throws once an earlier send has failed, so the import stops at the first loss. */
    void send(ConversationEvent event) {
        throwIfFailed();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONVERSATION_EVENTS,
                event.getConversationId(), EventCodec.CONVERSATION.encode(event));
        record.headers().add(Topics.HEADER_IMPORT_ID, importId);
        imported.sent(event.getEventTime());
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            } else {
                imported.acknowledged(metadata.partition(), metadata.offset());
            }
        });
    }

    /** Waits until the broker has acknowledged every event sent; throws if any was refused. */
    void flush() {
        producer.flush();
        throwIfFailed();
    }

    private void throwIfFailed() {
        Exception e = failure.get();
        if (e != null) {
            throw new KafkaException("Kafka did not take an event: " + e.getMessage(), e);
        }
    }

    /** Gives unsent events up to 30 s; after a failure the broker may be gone and nothing is worth waiting for. */
    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
