package io.chatpulse.localstack;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.flink.FlinkCluster;
import io.chatpulse.localstack.flink.FlinkClusterSettings;
import io.chatpulse.localstack.flink.StreamJobsOnCluster;
import io.chatpulse.localstack.kafka.KafkaCluster;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.Ports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole system in its cluster shape on one machine ({@code chatpulse up --cluster}), every node its
 * own JVM with its own ports and folder under {@code DATA/cluster}: three Kafka nodes (KRaft, one
 * quorum), the ClickHouse engine, a Flink session cluster (a JobManager with ZooKeeper high
 * availability, two TaskManagers of two slots) running both stream jobs at parallelism 2, and every
 * service twice: metrics-api and alerting as two instances sharing the work, chat-core as two
 * instances each owning its tenants (demo, acme), each driven by a simulator. Alerting pages both
 * tenants into the demo channel ({@link DemoChannel}) unless routes are configured.
 */
public final class ClusterStack implements RunningStack {

    /** The second instance of a service listens this far above the first. */
    static final int SECOND_INSTANCE_OFFSET = 10;
    public static final int FLINK_WEB_PORT = 8088;
    static final int KAFKA_NODES = 3;
    static final int JOB_PARALLELISM = 2;
    /** chat-core's tenants by instance: the first serves the demo tenant, the second another. */
    public static final List<String> TENANTS = List.of("demo", "acme");
    private static final Duration JOBS_RUNNING_TIMEOUT = Duration.ofMinutes(3);

    private final StackSettings settings;
    private final int flinkWebPort;
    private final Path dataDir;
    private final PrintStream out;
    private final Map<String, String> jobSettings;
    private final Map<String, Map<String, String>> extraEnvironment;
    private final Applications applications;
    private KafkaCluster kafka;
    private ClickHouseServer clickHouse;
    private FlinkCluster flink;

    private ClusterStack(StackSettings settings, int flinkWebPort, Map<String, String> jobSettings,
            Map<String, Map<String, String>> extraEnvironment, PrintStream out) {
        this.settings = settings;
        this.flinkWebPort = flinkWebPort;
        this.dataDir = settings.dataDir().resolve("cluster");
        this.out = out;
        this.jobSettings = jobSettings;
        this.extraEnvironment = extraEnvironment;
        this.applications = new Applications(logDir(settings), extraEnvironment, out);
    }

    /** Where the applications' logs go: the nodes keep theirs in their own folders. */
    static Path logDir(StackSettings settings) {
        return settings.dataDir().resolve("cluster").resolve("logs");
    }

    /** Starts every node and returns once every job runs and every service answers; stops what it started if one fails. */
    public static ClusterStack start(StackSettings settings, PrintStream out) {
        return start(settings, FLINK_WEB_PORT, DemoContent.jobSettings(settings.home(), System.getenv()), Map.of(), out);
    }

    /** As {@link #start(StackSettings, PrintStream)}, with the Flink web UI on another port (tests). */
    public static ClusterStack start(StackSettings settings, int flinkWebPort, PrintStream out) {
        return start(settings, flinkWebPort, Map.of(), Map.of(), out);
    }

    /**
     * As {@link #start(StackSettings, int, PrintStream)}, with more settings for both stream jobs by
     * environment variable name (e.g. ALERT_RULES) and extra environment by application name (e.g.
     * alerting-1's notification channels), for tests.
     */
    public static ClusterStack start(StackSettings settings, int flinkWebPort, Map<String, String> jobSettings,
            Map<String, Map<String, String>> extraEnvironment, PrintStream out) {
        ClusterStack stack = new ClusterStack(settings, flinkWebPort, jobSettings, extraEnvironment, out);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public FlinkCluster flink() {
        return flink;
    }

    public ClickHouseServer clickHouse() {
        return clickHouse;
    }

    /** The process id of each service by name, in start order. */
    public Map<String, Long> applicationPids() {
        return applications.pids();
    }

    /** SIGKILL of one service by name (e.g. alerting-1), as a crash would. */
    public void kill(String application) {
        applications.kill(application);
    }

    /** Starts a killed service again as it was first started; returns when it is up. */
    public void restart(String application) {
        applications.restart(application);
    }

    /** Where each service's log is, as {@code NAME.log}. */
    public Path applicationLogDir() {
        return logDir(settings);
    }

    @Override
    public Optional<ChildProcess> firstDeadApplication() {
        return applications.firstDead();
    }

    private void startAll() {
        requirePortsFree();
        Applications.step(out, "Kafka cluster (" + KAFKA_NODES + " nodes)", () -> {
            kafka = KafkaCluster.start(dataDir.resolve("kafka"), kafkaPorts());
            kafka.createContractTopics();
        });
        Applications.step(out, "ClickHouse engine", () -> {
            clickHouse = ClickHouseServer.start(dataDir.resolve("clickhouse"), settings.clickHousePort());
            LocalStack.migrate(clickHouse);
        });
        Applications.step(out, "Flink session cluster (JobManager with ZooKeeper, 2 TaskManagers)", () -> {
            flink = FlinkCluster.start(FlinkClusterSettings.defaults(settings.home(), dataDir.resolve("flink"),
                    flinkWebPort).withHighAvailability());
            StreamJobsOnCluster jobs = StreamJobsOnCluster.upload(flink,
                    settings.home().resolve("stream-jobs/target/stream-jobs.jar"),
                    Applications.merge(jobSettings, Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                            "CLICKHOUSE_URL", clickHouse.jdbcUrl())));
            jobs.submitAll(JOB_PARALLELISM).values().forEach(this::awaitAllSubtasksRunning);
        });
        launchServices();
        applications.awaitAll();
        if (settings.simulatorRate() > 0) {
            for (int i = 0; i < TENANTS.size(); i++) {
                String tenant = TENANTS.get(i);
                applications.launch(Application.executableJar(settings.home(), "simulator", "256m", Map.of(), List.of(
                        "--url", "http://127.0.0.1:" + chatCorePort(i), "--api-key", tenant + "-key",
                        "--rate", String.valueOf(settings.simulatorRate()),
                        "--agents", String.valueOf(settings.simulatorAgents())))
                        .renamed("simulator-" + tenant), () -> true);
            }
        }
    }

    /** Like the embedded runner, a job is up only when every one of its subtasks runs. */
    private void awaitAllSubtasksRunning(String jobId) {
        long deadline = System.nanoTime() + JOBS_RUNNING_TIMEOUT.toNanos();
        while (flink.rest().runningOn(jobId).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + jobId + " not running within " + JOBS_RUNNING_TIMEOUT
                        + "; see the JobManager's log " + flink.logs().values().iterator().next());
            }
            sleepAWhile();
        }
    }

    private static void sleepAWhile() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stream jobs", e);
        }
    }

    public int metricsApiPort(int instance) {
        return settings.metricsApiPort() + instance * SECOND_INSTANCE_OFFSET;
    }

    private void launchServices() {
        Map<String, String> kafkaEnv = kafka.clientEnvironment();
        Map<String, String> clickHouseEnv = Map.of("CLICKHOUSE_URL", clickHouse.jdbcUrl());
        for (int i = 0; i < 2; i++) {
            int metricsApi = settings.metricsApiPort() + i * SECOND_INSTANCE_OFFSET;
            applications.launchService(service("metrics-api", i, "384m",
                    Applications.merge(kafkaEnv, clickHouseEnv, tenantsEnvironment(), port(metricsApi))), metricsApi);
            int alerting = settings.alertingPort() + i * SECOND_INSTANCE_OFFSET;
            applications.launchService(service("alerting", i, "384m", Applications.merge(kafkaEnv, tenantsEnvironment(),
                    port(alerting), Map.of("ALERTING_STATE_DIR", dataDir.resolve("alerting-" + (i + 1)).toString()),
                    demoChannel())), alerting);
        }
        for (int i = 0; i < TENANTS.size(); i++) {
            applications.launchService(service("chat-core", i, "512m", Applications.merge(kafkaEnv, tenantsEnvironment(),
                    port(chatCorePort(i)), Map.of("CHATPULSE_OWNED_TENANTS", TENANTS.get(i),
                            // Its own transactional ids: on one host both would be chat-core-local-N and fence each other.
                            "CHATPULSE_TRANSACTION_ID_PREFIX", "chat-core-" + (i + 1) + "-"))), chatCorePort(i));
        }
    }

    private Application service(String module, int instance, String heap, Map<String, String> env) {
        return Application.executableJar(settings.home(), module, heap, env, List.of())
                .renamed(module + "-" + (instance + 1));
    }

    /**
     * Every tenant's key on every service (chat-core refuses another instance's tenant itself, 421,
     * naming where that tenant is served).
     */
    private Map<String, String> tenantsEnvironment() {
        StringBuilder keys = new StringBuilder();
        StringBuilder servedAt = new StringBuilder();
        for (int i = 0; i < TENANTS.size(); i++) {
            String tenant = TENANTS.get(i);
            String separator = i == 0 ? "" : ",";
            // The flat form (key: tenant) every service reads; in metrics-api it means role admin.
            keys.append(separator).append("\"").append(tenant).append("-key\":\"").append(tenant).append("\"");
            servedAt.append(separator).append("\"").append(tenant).append("\":\"http://127.0.0.1:")
                    .append(chatCorePort(i)).append("\"");
        }
        return Map.of("SPRING_APPLICATION_JSON", "{\"chatpulse\":{\"security\":{\"api-keys\":{" + keys
                + "}},\"tenancy\":{\"served-at\":{" + servedAt + "}}}}");
    }

    private static Map<String, String> port(int port) {
        return Map.of("SERVER_PORT", String.valueOf(port));
    }

    /**
     * Both tenants' pages into the log folder, as on the embedded stack, unless routes come from the
     * environment or the caller for either alerting instance (then neither gets the demo channel).
     * The stack's own SPRING_APPLICATION_JSON (the tenants' keys) is not a route of the caller's.
     */
    private Map<String, String> demoChannel() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        for (int i = 0; i < 2; i++) {
            environment.putAll(extraEnvironment.getOrDefault("alerting-" + (i + 1), Map.of()));
        }
        return DemoChannel.environment(logDir(settings), TENANTS, environment);
    }

    @Override
    public Optional<Path> demoChannelFile() {
        return demoChannel().isEmpty() ? Optional.empty() : Optional.of(DemoChannel.file(logDir(settings)));
    }

    /** chat-core's port by instance (0: the demo tenant's, 1: acme's). */
    public int chatCorePort(int instance) {
        return settings.chatCorePort() + instance * SECOND_INSTANCE_OFFSET;
    }

    private List<Integer> kafkaPorts() {
        return List.of(settings.kafkaPort(), settings.kafkaPort() + 1, settings.kafkaPort() + 2);
    }

    private void requirePortsFree() {
        kafkaPorts().forEach(p -> Ports.requireFree(p, "a Kafka node"));
        Ports.requireFree(settings.clickHousePort(), "the ClickHouse engine");
        Ports.requireFree(flinkWebPort, "the Flink JobManager's web UI");
        for (int i = 0; i < 2; i++) {
            Ports.requireFree(chatCorePort(i), "chat-core");
            Ports.requireFree(settings.metricsApiPort() + i * SECOND_INSTANCE_OFFSET, "metrics-api");
            Ports.requireFree(settings.alertingPort() + i * SECOND_INSTANCE_OFFSET, "alerting");
        }
    }

    /** What a person looks at: every node's UI, log and data. */
    public void printWhereToLook(PrintStream to) {
        to.printf("%nchatpulse is running as a cluster; data in %s%n", dataDir);
        to.printf("  Flink web UI     %s   (jobs, their graph, parallelism and checkpoints)%n", flink.webUrl());
        flink.logs().forEach((node, log) -> to.printf("    %-14s log: %s%n", node, log));
        for (int id = 1; id <= kafka.size(); id++) {
            to.printf("  Kafka node %d     127.0.0.1:%d   log: %s%n", id, kafkaPorts().get(id - 1), kafka.log(id));
        }
        to.printf("  ClickHouse       http://127.0.0.1:%d/play   log: %s%n", clickHouse.httpPort(), clickHouse.log());
        for (int i = 0; i < TENANTS.size(); i++) {
            to.printf("  chat-core-%d      http://127.0.0.1:%d/api/v1/queues   (tenant %s, key %s-key)%n", i + 1,
                    chatCorePort(i), TENANTS.get(i), TENANTS.get(i));
        }
        for (int i = 0; i < 2; i++) {
            int metrics = settings.metricsApiPort() + i * SECOND_INSTANCE_OFFSET;
            to.printf("  metrics-api-%d    http://127.0.0.1:%d/wallboard?key=demo-key   Swagger UI:"
                    + " http://127.0.0.1:%d/swagger-ui/index.html%n", i + 1, metrics, metrics);
            to.printf("  alerting-%d       http://127.0.0.1:%d/api/v1/alerts   deliveries: …/api/v1/alerts/deliveries%n",
                    i + 1, settings.alertingPort() + i * SECOND_INSTANCE_OFFSET);
        }
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String period = "from=" + today + "T00:00:00Z&to=" + today.plusDays(1) + "T00:00:00Z";
        String metrics = "http://127.0.0.1:" + settings.metricsApiPort();
        to.printf("  KPI summary      curl -s -H 'X-Api-Key: demo-key' '%s/api/v1/kpis/summary?%s'%n", metrics, period);
        to.printf("  agent report     curl -s -H 'X-Api-Key: demo-key' -o agents.csv"
                + " '%s/api/v1/reports/agents/export?format=csv&%s'%n", metrics, period);
        demoChannelFile().ifPresent(pages -> to.printf("  pages            %s   (the demo and acme tenants' pages;"
                + " each one also here as it arrives)%n", pages));
        to.printf("  service logs     %s%nCtrl-C stops every node.%n%n", logDir(settings));
    }

    /** The services first, then the Flink cluster, the engine, and Kafka last. */
    @Override
    public void close() {
        applications.close();
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
