package io.chatpulse.streamjobs;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

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
    void runBoundedKpiJob(String groupId, Duration deadline) throws Exception {
        JobConfig config = JobConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "KAFKA_GROUP_ID", groupId,
                "CLICKHOUSE_URL", clickHouse.jdbcUrl(),
                "CHECKPOINT_INTERVAL", "1s",
                "CLICKHOUSE_FLUSH_INTERVAL", "200ms",
                "PARALLELISM", "2",
                "SOURCE_BOUNDED", "true"));
        StreamExecutionEnvironment env = JobEnvironment.create(config);
        ConversationKpiJob.define(env, config);
        env.executeAsync(ConversationKpiJob.NAME).getJobExecutionResult().get(deadline.toSeconds(), TimeUnit.SECONDS);
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
