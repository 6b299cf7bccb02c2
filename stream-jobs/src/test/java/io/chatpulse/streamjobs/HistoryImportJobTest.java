package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.history.HistoryImportCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history import against a real broker: what is on the topic afterwards is what the file says,
 * a second import repeats the same event ids, and the KPI job computes the file's figures from it.
 */
class HistoryImportJobTest {

    private static final String FILE = "src/test/resources/history/conversations.jsonl";
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    private LocalEngines engines;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void startEngines() throws Exception {
        engines = LocalEngines.start("history-");
    }

    @AfterEach
    void stopEngines() {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void importsTheFileWithItsTimesOnceAndTheJobComputesItsFigures() throws Exception {
        assertThat(importFile()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("11 events imported to " + Topics.CONVERSATION_EVENTS);
        List<ConsumerRecord<String, ConversationEvent>> first = readTopic(11);

        assertThat(first).allMatch(record -> record.key().equals(record.value().getConversationId()));
        assertThat(first.stream().map(ConsumerRecord::value).filter(e -> e.getConversationId().equals("zd-1001"))
                .map(e -> e.getPayload().getClass().getSimpleName() + "@" + Instant.ofEpochMilli(e.getEventTime())))
                .as("in time order on the conversation's partition").containsExactly(
                        "ConversationOpened@2026-03-02T09:00:00Z", "ConversationQueued@2026-03-02T09:00:01Z",
                        "MessagePosted@2026-03-02T09:00:05Z", "AgentAssigned@2026-03-02T09:00:46Z",
                        "MessagePosted@2026-03-02T09:01:16Z", "ConversationResolved@2026-03-02T09:05:00Z",
                        "SurveyOffered@2026-03-02T09:05:00Z", "CsatSubmitted@2026-03-02T09:06:00Z");
        ConversationEvent assigned = payload(first, AgentAssigned.class);
        assertThat(((AgentAssigned) assigned.getPayload()).getAgentId()).isEqualTo("anna");
        assertThat(((CsatSubmitted) payload(first, CsatSubmitted.class).getPayload()).getComment()).isEqualTo("quick, thanks");
        assertThat(first.stream().map(record -> record.value().getEventId()).distinct()).hasSize(11);

        assertThat(importFile()).isZero();
        List<ConsumerRecord<String, ConversationEvent>> both = readTopic(22);
        assertThat(both.stream().map(record -> record.value().getEventId()).distinct()).as("the same ids again")
                .containsExactlyInAnyOrderElementsOf(first.stream().map(record -> record.value().getEventId()).toList());

        engines.runBoundedKpiJob("history-kpi-test", DEADLINE, Map.of());
        // Queued 09:00:01, assigned 09:00:46; opened 09:00:00, first agent message 09:01:16; abandoned after 90 s.
        assertThat(engines.query("SELECT conversation_id, outcome, wait_ms FROM queue_waits FINAL ORDER BY conversation_id"))
                .containsExactly(List.of("zd-1001", "answered", "45000"), List.of("zd-1002", "abandoned", "90000"));
        assertThat(engines.query("SELECT conversation_id, agent_id, frt_ms FROM first_responses FINAL"))
                .containsExactly(List.of("zd-1001", "anna", "76000"));
        assertThat(engines.query("SELECT conversation_id, agent_id, rating FROM csat_ratings FINAL"))
                .containsExactly(List.of("zd-1001", "anna", "5"));
    }

    private int importFile() {
        return HistoryImportCommand.run(new String[] {"--bootstrap-servers", engines.kafka().bootstrapServers(),
                        "--clickhouse-url", engines.clickHouse().jdbcUrl(), FILE},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err, false);
    }

    private static ConversationEvent payload(List<ConsumerRecord<String, ConversationEvent>> records, Class<?> type) {
        return records.stream().map(ConsumerRecord::value).filter(e -> type.isInstance(e.getPayload())).findFirst()
                .orElseThrow();
    }

    /** Every record of the topic, decoded with the contract's codec, partition by partition in offset order. */
    private List<ConsumerRecord<String, ConversationEvent>> readTopic(int expected) {
        Map<String, Object> props = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "history-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS));
            List<ConsumerRecord<String, ConversationEvent>> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (seen.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                            EventCodec.CONVERSATION.decode(record.value())));
                }
            }
            assertThat(seen).as("records on " + Topics.CONVERSATION_EVENTS).hasSize(expected);
            return seen;
        }
    }
}
