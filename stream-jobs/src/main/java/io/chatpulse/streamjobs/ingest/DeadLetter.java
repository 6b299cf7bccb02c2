package io.chatpulse.streamjobs.ingest;

import io.chatpulse.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record that could not be read, kept byte for byte (key, value, headers, timestamp) with where it
 * came from and why, on its way to {@link Topics#DEAD_LETTER}. A Flink POJO.
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

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
