package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QaScorecardVersion;
import io.chatpulse.events.ScorecardCheck;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
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
 * A running KPI job (MiniCluster, real Kafka broker, real ClickHouse engine) takes a tenant's new
 * scorecard version from {@code chatpulse.qa-scorecard} without a restart: the conversations that end
 * after it are scored with it, the ones scored before keep the file's scorecard and its version.
 */
class QaScorecardChangeJobTest {

    private static final long T0 = 1_790_000_000_000L;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** Greets by the new version's phrase ("hi"), not by the file's ("hello"). */
    private static final String GREETING = "hi, how can I help";

    private LocalEngines engines;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void start() throws Exception {
        engines = LocalEngines.start("scorecard-");
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void stop() {
        if (producer != null) {
            producer.close();
        }
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void aNewVersionScoresTheConversationsThatEndAfterItWithoutARestart(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("scorecards.json"), """
                {"acme": {"version": 1, "checks": [{"check": "greeting", "weight": 1, "phrases": ["hello"]}]}}""");
        JobClient job = startJob(file);
        try {
            String before = conversation(0);
            await("the file's scorecard on the first conversation", () -> !scoreOf(before).isEmpty());

            producer.send(new ProducerRecord<>(Topics.QA_SCORECARD, "acme", EventCodec.QA_SCORECARD.encode(
                    new QaScorecardVersion("acme", 2L, List.of(new ScorecardCheck("greeting", 1, List.of("hi"), null,
                            null)), T0, "admin")))).get();
            // The change reaches the job at a moment of its own: conversations go on until one is scored with it.
            List<String> later = new ArrayList<>();
            await("a conversation scored with the new version", () -> {
                later.add(conversation(later.size() + 1));
                return later.stream().anyMatch(this::scoredByTheNewVersion);
            });

            assertThat(scoreOf(before)).as("scored before the change: kept").containsExactly("version 1 score 0");
            int first = later.indexOf(later.stream().filter(this::scoredByTheNewVersion).findFirst()
                    .orElseThrow());
            // The first one may have greeted before the change reached the job and ended after it: the
            // greeting was judged by the file's phrase then. Every later one is wholly after the change.
            for (String conversation : later.subList(first + 1, later.size())) {
                await("the conversation after the change scored", () -> !scoreOf(conversation).isEmpty());
                assertThat(scoreOf(conversation)).as(conversation).containsExactly("version 2 score 100");
            }
        } finally {
            job.cancel().get();
        }
    }

    /** A conversation whose agent greets with {@link #GREETING} and resolves it; its id. */
    private String conversation(int n) {
        TestConversation c = new TestConversation("acme", "conv-" + n);
        long at = T0 + n * 10_000L;
        produce(c.opened(at, "billing"), c.assigned(at + 1_000, "agent-1"),
                c.message(at + 2_000, SenderKind.AGENT, "agent-1", GREETING), c.resolved(at + 3_000, "agent-1"));
        return c.id();
    }

    private JobClient startJob(Path scorecards) throws Exception {
        JobConfig config = JobConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", engines.kafka().bootstrapServers(),
                "KAFKA_GROUP_ID", "scorecard-change-test",
                "CLICKHOUSE_URL", engines.clickHouse().jdbcUrl(),
                "CHECKPOINT_INTERVAL", "1s",
                "CLICKHOUSE_FLUSH_INTERVAL", "200ms",
                "PARALLELISM", "2",
                "SOURCE_IDLENESS", "1s",
                "QA_SCORECARD_FILE", scorecards.toString()));
        StreamExecutionEnvironment env = JobEnvironment.create(config);
        ConversationKpiJob.define(env, config);
        return env.executeAsync(ConversationKpiJob.NAME);
    }

    private void produce(ConversationEvent... events) {
        try {
            for (ConversationEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.getConversationId(),
                        EventCodec.CONVERSATION.encode(event))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean scoredByTheNewVersion(String conversationId) {
        return scoreOf(conversationId).stream().anyMatch(score -> score.startsWith("version 2 "));
    }

    /** "version V score S" of the conversation's QA score; empty until it is stored. */
    private List<String> scoreOf(String conversationId) {
        try {
            return engines.query("SELECT 'version ' || toString(scorecard_version) || ' score '"
                    + " || toString(round(score, 4)) FROM qa_scores FINAL WHERE conversation_id = '" + conversationId
                    + "'").stream().map(row -> row.get(0)).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, java.util.function.Supplier<Boolean> condition) throws InterruptedException {
        LocalEngines.await(what, DEADLINE, Duration.ofMillis(500), condition);
    }
}
