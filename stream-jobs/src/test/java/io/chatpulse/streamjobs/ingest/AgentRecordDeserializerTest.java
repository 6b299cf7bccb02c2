package io.chatpulse.streamjobs.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class AgentRecordDeserializerTest {

    @Test
    void readsAnAgentEvent() {
        AgentEvent event = status("acme", "agent-1");

        IngestedRecord read = new AgentRecordDeserializer().read(record(EventCodec.AGENT.encode(event)));

        assertThat(read.deadLetter).isNull();
        assertThat(read.agent).isEqualTo(event);
        assertThat(read.eventTime()).isEqualTo(5_000);
    }

    @Test
    void unreadableBytesBecomeADeadLetterWithTheReason() {
        byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);

        IngestedRecord read = new AgentRecordDeserializer().read(record(garbage));

        assertThat(read.agent).isNull();
        assertThat(read.deadLetter.reason).contains("not Avro single-object encoded");
        assertThat(read.deadLetter.value).isEqualTo(garbage);
        assertThat(read.deadLetter.sourceTopic).isEqualTo(Topics.AGENT_EVENTS);
        assertThat(read.eventTime()).as("a dead letter does not move the watermark").isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void anAgentEventWithoutItsIdsIsADeadLetter() {
        IngestedRecord read = new AgentRecordDeserializer().read(record(EventCodec.AGENT.encode(status("acme", ""))));

        assertThat(read.deadLetter.reason).isEqualTo("event without agentId");
    }

    private static AgentEvent status(String tenant, String agentId) {
        return AgentEvent.newBuilder().setEventId("e-1").setTenantId(tenant).setAgentId(agentId).setEventTime(5_000)
                .setPayload(AgentStatusChanged.newBuilder().setStatus(AgentStatus.ONLINE).setCapacity(5)
                        .setSkills(List.of()).build())
                .build();
    }

    private static ConsumerRecord<byte[], byte[]> record(byte[] value) {
        return new ConsumerRecord<>(Topics.AGENT_EVENTS, 0, 7, 0L, TimestampType.CREATE_TIME, 0,
                value == null ? 0 : value.length, "agent-1".getBytes(StandardCharsets.UTF_8), value,
                new RecordHeaders(), Optional.empty());
    }
}
