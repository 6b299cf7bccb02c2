package io.chatpulse.e2e.cluster;

import io.chatpulse.e2e.fault.ConversationFigures;
import io.chatpulse.e2e.fault.TopicRecords;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.flink.FlinkCluster;
import io.chatpulse.localstack.flink.FlinkClusterSettings;
import io.chatpulse.localstack.flink.FlinkRest;
import io.chatpulse.localstack.flink.JobSubmission;
import io.chatpulse.localstack.flink.StreamJobsOnCluster;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.localstack.kafka.KafkaCluster;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kafka broker, the ClickHouse engine with the schema, and a Flink session cluster (one JobManager,
 * two TaskManagers of two slots) with the stream-jobs jar uploaded: what the cluster tests run on,
 * in a fresh folder under e2e-tests/target. On demand chat-core and the simulator driving it.
 */
final class FlinkClusterStack implements AutoCloseable {

    private static final Duration CHAT_CORE_START = Duration.ofMinutes(3);

    private Path home;
    private Path data;
    private ChildProcess chatCore;
    private String chatCoreUrl;
    private KafkaBroker kafka;
    private ClickHouseServer clickHouse;
    private FlinkCluster flink;
    private StreamJobsOnCluster jobs;

    static FlinkClusterStack start(String name) throws Exception {
        return start(name, false);
    }

    /** With {@code highAvailability}, a ZooKeeper server too, where the JobManager keeps its jobs. */
    static FlinkClusterStack start(String name, boolean highAvailability) throws Exception {
        return start(name, highAvailability, 2, Map.of());
    }

    /**
     * Two TaskManagers of {@code slotsPerTaskManager} slots; {@code jobSettings} are added to both jobs'
     * settings (ALERT_RULES, ...).
     */
    static FlinkClusterStack start(String name, boolean highAvailability, int slotsPerTaskManager,
            Map<String, String> jobSettings) throws Exception {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        Path data = home.resolve("e2e-tests/target/cluster-" + name + "-" + System.nanoTime());
        FlinkClusterStack stack = new FlinkClusterStack();
        stack.home = home;
        stack.data = data;
        try {
            stack.kafka = KafkaBroker.start(data.resolve("kafka"));
            stack.kafka.createContractTopics();
            stack.clickHouse = ClickHouseServer.start(data.resolve("clickhouse"));
            ClickHouseMigrations.apply(stack.clickHouse.jdbcUrl(), "default", "");
            // After the broker and the engine, not beside them: on a busy 2-core machine three Flink JVMs
            // starting at once kept the broker from answering within its start timeout.
            FlinkClusterSettings flink = FlinkClusterSettings.defaults(home, data.resolve("flink"), Ports.free())
                    .withSlotsPerTaskManager(slotsPerTaskManager);
            stack.flink = FlinkCluster.start(highAvailability ? flink.withHighAvailability() : flink);
            Map<String, String> settings = new HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", stack.kafka.bootstrapServers(),
                    "CLICKHOUSE_URL", stack.clickHouse.jdbcUrl(),
                    "CHECKPOINT_INTERVAL", "2s",
                    "RESTORE_FROM", "none"));
            settings.putAll(jobSettings);
            stack.jobs = StreamJobsOnCluster.upload(stack.flink, home.resolve("stream-jobs/target/stream-jobs.jar"), settings);
            System.out.println("Flink web UI: " + stack.flink.webUrl() + ", logs: " + stack.flink.logs());
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    FlinkCluster flink() {
        return flink;
    }

    FlinkRest rest() {
        return flink.rest();
    }

    /** Conversations written straight to Kafka: the smoke test's traffic, without chat-core. */
    ConversationTraffic traffic(String tenant) {
        return new ConversationTraffic(kafka.bootstrapServers(), tenant);
    }

    /**
     * chat-core from its jar against the broker (started with the first simulator), and the simulator
     * driving it in {@code queue}: the load of a fault test, with its record of what was acknowledged.
     */
    SimulatorLoad simulate(String queue) {
        if (chatCore == null) {
            int port = Ports.free();
            Map<String, String> env = new HashMap<>(KafkaCluster.clientEnvironment(kafka.bootstrapServers(), 1));
            env.put("SERVER_PORT", String.valueOf(port));
            chatCore = Application.executableJar(home, "chat-core", "512m", env, List.of()).start(data.resolve("logs"));
            chatCore.awaitReady(() -> HealthCheck.healthy(port), CHAT_CORE_START);
            chatCoreUrl = "http://127.0.0.1:" + port;
        }
        return SimulatorLoad.start(home, data, chatCoreUrl, queue);
    }

    /**
     * Stops the load and checks what chat-core acknowledged against Kafka and ClickHouse (see
     * {@link AcknowledgedAgainstKafkaAndClickHouse}), giving the job {@code catchUp} to store the last events.
     */
    ConversationFigures stopAndCheck(SimulatorLoad load, Duration catchUp) {
        List<SimulatorLoad.Acknowledged> acknowledged = load.stop();
        return AcknowledgedAgainstKafkaAndClickHouse.check(acknowledged, kafka.bootstrapServers(), this::query,
                SimulatorLoad.TENANT, load.queue(), catchUp);
    }

    /**
     * The KPI job with checkpoints every 2 s. Its state comes from the submission's savepoint when
     * there is one, never from whatever checkpoint is newest in its folder (RESTORE_FROM=none).
     */
    JobSubmission kpiJob(int parallelism) {
        return jobs.kpiJob(parallelism);
    }

    String submit(JobSubmission job) {
        return jobs.submit(job);
    }

    /** The queue monitor job, from a savepoint like the KPI job's (RESTORE_FROM=none). */
    JobSubmission queueMonitorJob(int parallelism) {
        return jobs.queueMonitorJob(parallelism);
    }

    /** Every alert on the alerts topic that a read_committed consumer sees, in topic order. */
    List<AlertEvent> alerts() {
        return TopicRecords.readAll(kafka.bootstrapServers(), Topics.ALERTS).stream()
                .map(r -> EventCodec.ALERT.decode(r.value())).toList();
    }

    /** Both jobs, as the runner submits them. */
    Map<String, String> submitAll(int parallelism) {
        return jobs.submitAll(parallelism);
    }

    /** Waits until the job is RUNNING with every subtask running; returns the TaskManagers they run on. */
    Set<String> awaitAllSubtasksRunning(String jobId, Duration timeout) {
        return Await.until("every subtask of job " + jobId + " running", timeout, () -> rest().runningOn(jobId).orElse(null), s -> s != null);
    }

    /** Customer messages of the tenant in ClickHouse, each event once (FINAL). */
    long storedCustomerMessages(String tenant) {
        return Long.parseLong(query("SELECT count() FROM conversation_activity FINAL WHERE tenant_id = '" + tenant
                + "' AND kind = 'customer_message'").trim());
    }

    /** Waits until ClickHouse holds {@code expected} customer messages of the tenant (or more, to show a duplicate). */
    long awaitStoredCustomerMessages(String tenant, long expected, Duration timeout) {
        return Await.until(expected + " customer messages of " + tenant + " in ClickHouse", timeout,
                () -> storedCustomerMessages(tenant), n -> n >= expected);
    }

    /** ClickHouse's answer to {@code sql} over its HTTP interface. */
    private String query(String sql) {
        return ClickHouseHttp.query(clickHouse.httpUrl(), sql);
    }

    /** chat-core and the cluster first, so nothing writes to engines that are going away. */
    @Override
    public void close() {
        if (chatCore != null) {
            chatCore.destroy(Duration.ofSeconds(30));
        }
        if (flink != null) {
            flink.close();
        }
        if (clickHouse != null) {
            clickHouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
