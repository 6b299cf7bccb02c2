package io.chatpulse.streamjobs.alert;

import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes an alert state change to {@link Topics#ALERTS}, keyed {@code tenant|rule|scope}. */
public final class AlertSerializer implements KafkaRecordSerializationSchema<AlertRecord> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public AlertSerializer(String topic) {
        this.topic = topic;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(AlertRecord alert, KafkaSinkContext context, Long timestamp) {
        // No record timestamp: the producer stamps its clock, the moment the alert left the job.
        return new ProducerRecord<>(topic, alert.key().getBytes(StandardCharsets.UTF_8),
                EventCodec.ALERT.encode(alert.toEvent()));
    }
}
