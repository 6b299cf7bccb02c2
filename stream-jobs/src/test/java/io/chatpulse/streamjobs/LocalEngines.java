package io.chatpulse.streamjobs;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A real Kafka broker with the contract topics and the real ClickHouse engine with the schema
 * applied, in a fresh folder under {@code target/it-data}: what the whole-job tests run against.
 */
public final class LocalEngines implements AutoCloseable {

    private final Path data;
    private final KafkaBroker kafka;
    private final ClickHouseServer clickHouse;

    private LocalEngines(Path data, KafkaBroker kafka, ClickHouseServer clickHouse) {
        this.data = data;
        this.kafka = kafka;
        this.clickHouse = clickHouse;
    }

    /** Starts both engines in {@code target/it-data/<prefix><nanotime>}; stops what started if one fails. */
    public static LocalEngines start(String prefix) throws Exception {
        Path data = Path.of("target", "it-data", prefix + System.nanoTime());
        KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"));
        ClickHouseServer clickHouse = null;
        try {
            kafka.createContractTopics();
            clickHouse = ClickHouseServer.start(data.resolve("clickhouse"));
            ClickHouseMigrations.apply(clickHouse.jdbcUrl(), "default", "");
            return new LocalEngines(data, kafka, clickHouse);
        } catch (Exception | Error e) {
            if (clickHouse != null) {
                clickHouse.close();
            }
            kafka.close();
            throw e;
        }
    }

    Path data() {
        return data;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /** The settings a job or benchmark needs to reach these engines. */
    public Map<String, String> jobEnvironment() {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "CLICKHOUSE_URL", clickHouse.jdbcUrl());
    }

    public ClickHouseServer clickHouse() {
        return clickHouse;
    }

    /**
     * The KPI job bounded, as for a replay: it reads what the topic holds, stores every figure and
     * finishes; fails after {@code deadline}.
     */
    void runBoundedKpiJob(String groupId, Duration deadline, Map<String, String> settings) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_GROUP_ID", groupId,
                "CLICKHOUSE_URL", clickHouse.jdbcUrl(),
                "CHECKPOINT_INTERVAL", "1s",
                "CLICKHOUSE_FLUSH_INTERVAL", "200ms",
                "PARALLELISM", "2",
                "SOURCE_BOUNDED", "true"));
        environment.putAll(settings);
        JobConfig config = JobConfig.from(environment);
        StreamExecutionEnvironment env = JobEnvironment.create(config);
        ConversationKpiJob.define(env, config);
        env.executeAsync(ConversationKpiJob.NAME).getJobExecutionResult().get(deadline.toSeconds(), TimeUnit.SECONDS);
    }

    /**
     * The live queue monitor on a MiniCluster of this JVM, with test-speed settings (checkpoints every
     * 2 s, inserts every 200 ms) and {@code settings} over them; cancel the returned job when done.
     */
    JobClient startQueueMonitor(Map<String, String> settings) throws Exception {
        Map<String, String> environment = new HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CLICKHOUSE_URL", clickHouse.jdbcUrl(),
                "CHECKPOINT_INTERVAL", "2s",
                "CLICKHOUSE_FLUSH_INTERVAL", "200ms",
                "PARALLELISM", "1"));
        environment.putAll(settings);
        JobConfig config = QueueMonitorJob.config(environment);
        StreamExecutionEnvironment env = JobEnvironment.create(config);
        QueueMonitorJob.define(env, config);
        return env.executeAsync(QueueMonitorJob.NAME);
    }

    /** Writes the events to the conversation topic as chat-core does (key: the conversation), each acknowledged. */
    void produce(ConversationEvent... events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ConversationEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.getConversationId(),
                        EventCodec.CONVERSATION.encode(event))).get();
            }
        }
    }

    /** Every record of the topic, from the beginning to its end as of the call. */
    List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant giveUpAt = Instant.now().plusSeconds(60);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(giveUpAt)) {
                    throw new IllegalStateException(topic + " not read to its end " + end + " in 60 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    List<List<String>> query(String sql) throws Exception {
        return ClickHouseRows.query(clickHouse.jdbcUrl(), sql);
    }

    /** The rows of a table after merging ({@code FINAL}); -1 while it cannot be read. */
    long count(String table) {
        try {
            return Long.parseLong(query("SELECT count() FROM " + table + " FINAL").get(0).get(0));
        } catch (Exception e) {
            return -1;
        }
    }

    /** Checks the condition every {@code pollEvery} until it holds; fails after {@code deadline}. */
    static void await(String what, Duration deadline, Duration pollEvery, Supplier<Boolean> condition)
            throws InterruptedException {
        Instant giveUpAt = Instant.now().plus(deadline);
        while (!condition.get()) {
            if (Instant.now().isAfter(giveUpAt)) {
                throw new AssertionError("gave up waiting for " + what + " after " + deadline);
            }
            Thread.sleep(pollEvery.toMillis());
        }
    }

    @Override
    public void close() {
        clickHouse.close();
        kafka.close();
    }
}
