package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record that could not be read, kept byte for byte (key, value, headers, timestamp) with where it
 * came from and why, on its way to {@link Topics#DEAD_LETTER}; or an event read but not applied
 * ({@link #unapplied}). A Flink POJO.
 */
public class DeadLetter {
    public byte[] key;
    public byte[] value;
    public String[] headerKeys;
    public byte[][] headerValues;
    public long timestamp;
    public String sourceTopic;
    public int sourcePartition;
    public long sourceOffset;
    public String reason;

    public DeadLetter() {
    }

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record, String reason) {
        DeadLetter letter = new DeadLetter();
        letter.key = record.key();
        letter.value = record.value();
        Header[] headers = record.headers().toArray();
        letter.headerKeys = new String[headers.length];
        letter.headerValues = new byte[headers.length][];
        for (int i = 0; i < headers.length; i++) {
            letter.headerKeys[i] = headers[i].key();
            letter.headerValues[i] = headers[i].value();
        }
        letter.timestamp = record.timestamp();
        letter.sourceTopic = record.topic();
        letter.sourcePartition = record.partition();
        letter.sourceOffset = record.offset();
        letter.reason = reason;
        return letter;
    }

    /**
     * An event that was read but cannot be applied, written back as its producer wrote it (key and
     * single-object encoding); where it was read is no longer known ({@link #sourcePartition} -1). Its
     * timestamp is the time it is dead-lettered: the event's own time may be older than the topic keeps
     * records (an imported history), and the broker would delete it at once.
     */
    public static DeadLetter unapplied(ConversationEvent event, String reason) {
        DeadLetter letter = new DeadLetter();
        letter.key = utf8(event.getConversationId());
        letter.value = EventCodec.CONVERSATION.encode(event);
        letter.headerKeys = new String[0];
        letter.headerValues = new byte[0][];
        letter.timestamp = -1;
        letter.sourceTopic = Topics.CONVERSATION_EVENTS;
        letter.sourcePartition = -1;
        letter.sourceOffset = -1;
        letter.reason = reason;
        return letter;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
