package io.chatpulse.alerting.alert;

import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.events.codec.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.avro.specific.SpecificRecordBase;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes the raw value inside the topology rather than in a deserializer, so an unreadable record
 * can be forwarded unchanged to the dead-letter topic with the reason and its origin in headers,
 * instead of stopping the app or vanishing into a log.
 */
public class EventDecoder<T extends SpecificRecordBase> implements FixedKeyProcessor<String, byte[], Decoded<T>> {

    private static final Logger log = LoggerFactory.getLogger(EventDecoder.class);

    private final EventCodec<T> codec;
    private final String keyedBy;
    private FixedKeyProcessorContext<String, Decoded<T>> context;

    EventDecoder(EventCodec<T> codec, String keyedBy) {
        this.codec = codec;
        this.keyedBy = keyedBy;
    }

    /**
     * Decodes {@code raw} (named {@code name} in the topology), sends unreadable records to
     * {@link Topics#DEAD_LETTER} and returns the readable events.
     */
    public static <T extends SpecificRecordBase> KStream<String, T> readable(KStream<String, byte[]> raw, String name,
            EventCodec<T> codec, String keyedBy) {
        Map<String, KStream<String, Decoded<T>>> branches = raw
                .processValues(() -> new EventDecoder<>(codec, keyedBy), Named.as(name + "-decode"))
                .split(Named.as(name + "-"))
                .branch((key, decoded) -> decoded.isReadable(), Branched.as("readable"))
                .defaultBranch(Branched.as("unreadable"));
        branches.get(name + "-unreadable")
                .mapValues(Decoded::raw, Named.as(name + "-dead-letter-raw"))
                .to(Topics.DEAD_LETTER, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-dead-letter-sink"));
        return branches.get(name + "-readable").mapValues(Decoded::event, Named.as(name + "-value"));
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Decoded<T>> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        Decoded<T> decoded = decode(record);
        if (!decoded.isReadable()) {
            RecordMetadata origin = context.recordMetadata().orElse(null);
            log.warn("unreadable {} record key={} from {}: {}; forwarded to {}", codec.schema().getName(), record.key(),
                    origin == null ? "?" : origin.topic() + "-" + origin.partition() + "@" + origin.offset(),
                    decoded.failure(), Topics.DEAD_LETTER);
            addDeadLetterHeaders(record.headers(), decoded.failure(), origin);
        }
        context.forward(record.withValue(decoded));
    }

    private Decoded<T> decode(FixedKeyRecord<String, byte[]> record) {
        if (record.key() == null) {
            // The state is kept per key; a keyless record cannot be placed.
            return Decoded.unreadable(record.value(), "record has no key; " + codec.schema().getName() + "s are keyed by " + keyedBy);
        }
        try {
            return Decoded.readable(codec.decode(record.value()), record.value());
        } catch (UnreadableEventException e) {
            return Decoded.unreadable(record.value(), e.getMessage());
        }
    }

    static void addDeadLetterHeaders(Headers headers, String reason, RecordMetadata origin) {
        headers.remove(Topics.HEADER_DLQ_REASON);
        headers.add(Topics.HEADER_DLQ_REASON, utf8(reason));
        if (origin != null) {
            headers.remove(Topics.HEADER_DLQ_SOURCE_TOPIC);
            headers.remove(Topics.HEADER_DLQ_SOURCE_PARTITION);
            headers.remove(Topics.HEADER_DLQ_SOURCE_OFFSET);
            headers.add(Topics.HEADER_DLQ_SOURCE_TOPIC, utf8(origin.topic()));
            headers.add(Topics.HEADER_DLQ_SOURCE_PARTITION, utf8(Integer.toString(origin.partition())));
            headers.add(Topics.HEADER_DLQ_SOURCE_OFFSET, utf8(Long.toString(origin.offset())));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
