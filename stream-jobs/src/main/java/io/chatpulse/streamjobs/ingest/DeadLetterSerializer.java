package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.Topics;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a dead letter to {@link Topics#DEAD_LETTER} unchanged, plus the {@code dlq.*} headers (the
 * source partition and offset only where they are known).
 */
public final class DeadLetterSerializer implements KafkaRecordSerializationSchema<DeadLetter> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public DeadLetterSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < letter.headerKeys.length; i++) {
            headers.add(letter.headerKeys[i], letter.headerValues[i]);
        }
        headers.add(Topics.HEADER_DLQ_REASON, DeadLetter.utf8(letter.reason));
        headers.add(Topics.HEADER_DLQ_SOURCE_TOPIC, DeadLetter.utf8(letter.sourceTopic));
        if (letter.sourcePartition >= 0) {
            headers.add(Topics.HEADER_DLQ_SOURCE_PARTITION, DeadLetter.utf8(Integer.toString(letter.sourcePartition)));
            headers.add(Topics.HEADER_DLQ_SOURCE_OFFSET, DeadLetter.utf8(Long.toString(letter.sourceOffset)));
        }
        Long originalTime = letter.timestamp >= 0 ? letter.timestamp : null;
        return new ProducerRecord<>(topic, null, originalTime, letter.key, letter.value, headers);
    }
}
