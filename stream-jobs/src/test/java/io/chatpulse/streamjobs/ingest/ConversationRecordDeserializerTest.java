package io.chatpulse.streamjobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.TestConversation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class ConversationRecordDeserializerTest {

    private final TestConversation c = new TestConversation("acme", "conv-1");

    @Test
    void readsAnEvent() {
        ConversationEvent event = c.opened(1_000, "billing");

        IngestedRecord read = new ConversationRecordDeserializer().read(record(EventCodec.CONVERSATION.encode(event)));

        assertThat(read.deadLetter).isNull();
        assertThat(read.event).isEqualTo(event);
        assertThat(read.eventTime()).isEqualTo(1_000);
    }

    @Test
    void readsOnlyTheRecordsOfItsOrigin() {
        ConsumerRecord<byte[], byte[]> live = record(EventCodec.CONVERSATION.encode(c.opened(1_000, "billing")));
        ConsumerRecord<byte[], byte[]> imported = record(EventCodec.CONVERSATION.encode(c.opened(1_000, "billing")));
        imported.headers().add(Topics.HEADER_IMPORT_ID, "run-1".getBytes(StandardCharsets.UTF_8));

        assertThat(RecordOrigin.ANY.accepts(live)).isTrue();
        assertThat(RecordOrigin.ANY.accepts(imported)).isTrue();
        assertThat(RecordOrigin.LIVE.accepts(live)).isTrue();
        assertThat(RecordOrigin.LIVE.accepts(imported)).as("history is not the present").isFalse();
        assertThat(RecordOrigin.ofImport("run-1").accepts(imported)).isTrue();
        assertThat(RecordOrigin.ofImport("run-2").accepts(imported)).as("another import run").isFalse();
        assertThat(RecordOrigin.ofImport("run-1").accepts(live)).isFalse();
        List<IngestedRecord> read = new ArrayList<>();
        new ConversationRecordDeserializer(RecordOrigin.LIVE).deserialize(imported, new ListCollector<>(read));
        assertThat(read).as("an imported record is passed over, not dead-lettered").isEmpty();
    }

    @Test
    void turnsUnreadableBytesIntoADeadLetterThatKeepsTheRecord() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

        IngestedRecord read = new ConversationRecordDeserializer().read(record(garbage));

        assertThat(read.event).isNull();
        DeadLetter letter = read.deadLetter;
        assertThat(letter.reason).contains("not Avro single-object encoded");
        assertThat(letter.value).isEqualTo(garbage);
        assertThat(letter.key).isEqualTo("conv-1".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.headerKeys).containsExactly("trace");
        assertThat(letter.sourceTopic).isEqualTo(Topics.CONVERSATION_EVENTS);
        assertThat(letter.sourcePartition).isEqualTo(2);
        assertThat(letter.sourceOffset).isEqualTo(41);
        assertThat(read.eventTime()).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void anEmptyOrTruncatedRecordIsADeadLetter() {
        byte[] good = EventCodec.CONVERSATION.encode(c.opened(1_000, "billing"));

        assertThat(new ConversationRecordDeserializer().read(record(null)).deadLetter.reason).contains("empty record");
        assertThat(new ConversationRecordDeserializer().read(record(Arrays.copyOf(good, good.length - 3))).deadLetter.reason)
                .contains("corrupt ConversationEvent body");
    }

    @Test
    void anEventWithoutConversationIdIsADeadLetter() {
        ConversationEvent event = new TestConversation("acme", "").opened(1_000, "billing");

        IngestedRecord read = new ConversationRecordDeserializer().read(record(EventCodec.CONVERSATION.encode(event)));

        assertThat(read.deadLetter.reason).isEqualTo("event without conversationId");
    }

    @Test
    void aDeadLetterGoesOutUnchangedWithTheReasonAndSourceInHeaders() {
        byte[] garbage = {1, 2, 3};
        DeadLetter letter = new ConversationRecordDeserializer().read(record(garbage)).deadLetter;

        ProducerRecord<byte[], byte[]> out = new DeadLetterSerializer(Topics.DEAD_LETTER).serialize(letter, null, null);

        assertThat(out.topic()).isEqualTo(Topics.DEAD_LETTER);
        assertThat(out.value()).isEqualTo(garbage);
        assertThat(out.key()).isEqualTo(letter.key);
        assertThat(out.timestamp()).isEqualTo(1_700_000_000_000L);
        assertThat(header(out, "trace")).contains("abc");
        assertThat(header(out, Topics.HEADER_DLQ_REASON)).hasValueSatisfying(r -> assertThat(r).contains("not Avro"));
        assertThat(header(out, Topics.HEADER_DLQ_SOURCE_TOPIC)).contains(Topics.CONVERSATION_EVENTS);
        assertThat(header(out, Topics.HEADER_DLQ_SOURCE_PARTITION)).contains("2");
        assertThat(header(out, Topics.HEADER_DLQ_SOURCE_OFFSET)).contains("41");
    }

    private static Optional<String> header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "abc".getBytes(StandardCharsets.UTF_8));
        return new ConsumerRecord<>(Topics.CONVERSATION_EVENTS, 2, 41, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                6, value == null ? 0 : value.length, "conv-1".getBytes(StandardCharsets.UTF_8), value, headers,
                Optional.empty());
    }
}
