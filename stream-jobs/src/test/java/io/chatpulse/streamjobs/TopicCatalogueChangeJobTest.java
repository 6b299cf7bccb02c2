package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.CatalogueTopic;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.TopicCatalogueVersion;
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
 * catalogue version from {@code chatpulse.topic-catalogue} without a restart: the messages it reads
 * from then on are tagged with the new topics, the ones tagged before keep the file's.
 */
class TopicCatalogueChangeJobTest {

    private static final long T0 = 1_790_000_000_000L;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TEXT = "a return and a parcel";

    private LocalEngines engines;
    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void start() throws Exception {
        engines = LocalEngines.start("catalogue-");
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
    void aNewVersionTagsTheMessagesFromThenOnWithoutARestart(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("topics.json"), """
                {"acme": [{"name": "returns", "phrases": ["return"]}]}""");
        JobClient job = startJob(file);
        try {
            TestConversation first = new TestConversation("acme", "conv-1");
            ConversationEvent before = first.customerSays(T0 + 1_000, TEXT);
            produce(first.opened(T0, "billing"), before);
            await("the file's topic on the first message", () -> !topicsOf(before.getEventId()).isEmpty());

            producer.send(new ProducerRecord<>(Topics.TOPIC_CATALOGUE, "acme", EventCodec.TOPIC_CATALOGUE.encode(
                    new TopicCatalogueVersion("acme", 1L, List.of(new CatalogueTopic("delivery", List.of("parcel"),
                            List.of())), T0, "admin")))).get();
            // The change reaches the job at a moment of its own: messages go on until one is tagged with it.
            List<ConversationEvent> later = new ArrayList<>();
            TestConversation second = new TestConversation("acme", "conv-2");
            produce(second.opened(T0 + 2_000, "billing"));
            await("a message tagged with the new version", () -> {
                ConversationEvent message = second.customerSays(T0 + 3_000 + later.size(), TEXT);
                later.add(message);
                produce(message);
                return later.stream().anyMatch(m -> topicsOf(m.getEventId()).contains("delivery"));
            });

            assertThat(topicsOf(before.getEventId())).as("tagged before the change: kept").containsExactly("returns");
            ConversationEvent afterChange = later.stream()
                    .filter(m -> topicsOf(m.getEventId()).contains("delivery")).findFirst().orElseThrow();
            int index = later.indexOf(afterChange);
            for (ConversationEvent message : later.subList(index, later.size())) {
                await("the message after the change tagged", () -> !topicsOf(message.getEventId()).isEmpty());
                assertThat(topicsOf(message.getEventId())).as("the new version replaces the file's topics")
                        .containsExactly("delivery");
            }
        } finally {
            job.cancel().get();
        }
    }

    private JobClient startJob(Path catalogue) throws Exception {
        JobConfig config = JobConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", engines.kafka().bootstrapServers(),
                "KAFKA_GROUP_ID", "catalogue-change-test",
                "CLICKHOUSE_URL", engines.clickHouse().jdbcUrl(),
                "CHECKPOINT_INTERVAL", "1s",
                "CLICKHOUSE_FLUSH_INTERVAL", "200ms",
                "PARALLELISM", "2",
                "SOURCE_IDLENESS", "1s",
                "TOPIC_CATALOGUE_FILE", catalogue.toString()));
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

    private List<String> topicsOf(String eventId) {
        try {
            return engines.query("SELECT topic FROM message_topics FINAL WHERE event_id = '" + eventId
                    + "' ORDER BY rank").stream().map(row -> row.get(0)).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, java.util.function.Supplier<Boolean> condition) throws InterruptedException {
        LocalEngines.await(what, DEADLINE, Duration.ofMillis(500), condition);
    }
}
