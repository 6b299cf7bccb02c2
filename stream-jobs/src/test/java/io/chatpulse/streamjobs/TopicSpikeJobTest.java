package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * topic_spike in the running queue monitor job (MiniCluster, real broker and engine): three days of
 * two "returns" and two "delivery" messages in the same minute of the day, then, live, twenty
 * "returns" and two "delivery" in that minute: returns fires once and resolves once, live (replay
 * false); delivery, steady, never fires, not even with thirty imported "delivery" messages a minute
 * later (an import is never counted). The changes are on the alerts topic and in alert_history.
 */
class TopicSpikeJobTest {

    private static final long MINUTE = 60_000L;
    private static final long DAY = 86_400_000L;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String RULES = "topic_spike.window=1m;topic_spike.baseline-days=3;topic_spike.min-days=3;"
            + "topic_spike.min-count=5;topic_spike.clear-after=1m;queue_wait_forecast.hold=1h";

    private LocalEngines engines;

    @BeforeEach
    void start() throws Exception {
        engines = LocalEngines.start("topic-spike-");
    }

    @AfterEach
    void stop() {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void aSpikeOfATopicFiresOnceLiveAndASteadyTopicNever(@TempDir Path dir) throws Exception {
        // The burst's minute four minutes back: the rule's ticks up to its resolution are behind the clock
        // already, and within the 10-minute replay bound, so live.
        long minute = (System.currentTimeMillis() - 4 * MINUTE) / MINUTE * MINUTE;
        long t = minute + 10_000;
        List<ConversationEvent> events = new ArrayList<>();
        events.add(new TestConversation("acme", "start").customerSays(t - 3 * DAY - 10 * MINUTE, "hello"));
        for (int day = 3; day >= 1; day--) {
            events.addAll(messages("day" + day, t - day * DAY, 2, "I want to return it"));
            events.addAll(messages("day" + day + "-d", t - day * DAY, 2, "where is my parcel"));
        }
        events.addAll(messages("now", t, 20, "I want to return it"));
        events.addAll(messages("now-d", t, 2, "where is my parcel"));

        Path catalogue = Files.writeString(dir.resolve("topics.json"), """
                {"acme": [{"name": "returns", "phrases": ["return"]}, {"name": "delivery", "phrases": ["parcel"]}]}""");
        JobClient job = engines.startQueueMonitor(Map.of("BACKLOG_IDLENESS", "3s", "PIPELINE_WATCHDOG_INTERVAL", "0",
                "REPLAY_BOUND", "10m", "ALERT_RULES", RULES, "TOPIC_CATALOGUE_FILE", catalogue.toString()));
        try (QueueMonitorJobTest.AlertReader alerts = new QueueMonitorJobTest.AlertReader(
                engines.kafka().bootstrapServers())) {
            engines.produce(events.toArray(ConversationEvent[]::new));
            produceImported(messages("imported", minute + MINUTE + 10_000, 30, "where is my parcel"));
            LocalEngines.await("returns to fire and resolve", DEADLINE, Duration.ofMillis(200),
                    () -> topicSpikes(alerts.poll()).stream().anyMatch(a -> a.getState() == AlertState.RESOLVED));
            assertThat(topicSpikes(alerts.poll()))
                    .extracting(AlertEvent::getScope, AlertEvent::getState, AlertEvent::getEventTime,
                            AlertEvent::getReplay)
                    .containsExactly(
                            tuple("topic:returns", AlertState.FIRING, minute + MINUTE, false),
                            tuple("topic:returns", AlertState.RESOLVED, minute + 3 * MINUTE, false));
            AlertEvent fired = topicSpikes(alerts.seen()).get(0);
            assertThat(fired.getValue()).isEqualTo(20);
            assertThat(fired.getSummary()).isEqualTo(
                    "Topic returns: spike, 20 customer messages in the last 1 min, baseline 2.0 (z 12.7)");
            // And in alert_history, as every rule's changes.
            String history = "SELECT scope, state, toUnixTimestamp64Milli(event_time), replay FROM alert_history FINAL"
                    + " WHERE tenant_id = 'acme' AND rule = 'topic_spike' ORDER BY event_time";
            LocalEngines.await("topic_spike in alert_history", DEADLINE, Duration.ofMillis(200),
                    () -> rows(history).size() == 2);
            assertThat(rows(history)).containsExactly(
                    List.of("topic:returns", "firing", String.valueOf(minute + MINUTE), "false"),
                    List.of("topic:returns", "resolved", String.valueOf(minute + 3 * MINUTE), "false"));
        } finally {
            job.cancel().get();
        }
    }

    private List<List<String>> rows(String sql) {
        try {
            return engines.query(sql);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static List<AlertEvent> topicSpikes(List<AlertEvent> alerts) {
        return alerts.stream().filter(a -> a.getRule().equals("topic_spike")).toList();
    }

    private static List<ConversationEvent> messages(String prefix, long at, int count, String text) {
        List<ConversationEvent> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            messages.add(new TestConversation("acme", prefix + "-" + i).customerSays(at + i, text));
        }
        return messages;
    }

    /** As the history import writes them: with its import id header, which the live monitor does not read. */
    private void produceImported(List<ConversationEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ConversationEvent event : events) {
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.CONVERSATION_EVENTS,
                        event.getConversationId(), EventCodec.CONVERSATION.encode(event));
                record.headers().add(Topics.HEADER_IMPORT_ID, "import-1".getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }
}
