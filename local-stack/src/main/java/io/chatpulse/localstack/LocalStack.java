package io.chatpulse.localstack;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.FlinkJobCheck;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import io.chatpulse.schema.ClickHouseMigrations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The whole system on one machine: Kafka and ClickHouse first, then the stream jobs, the
 * services and the simulator, each in its own process; closed in reverse order.
 */
public final class LocalStack implements RunningStack {

    private final StackSettings settings;
    private final PrintStream out;
    private final Applications applications;
    private KafkaBroker kafka;
    private ClickHouseServer clickHouse;
    private final Map<String, Integer> jobRestPorts = new HashMap<>();
    private final Map<String, Map<String, String>> extraEnvironment;
    /** The tenant of the demo API key (chat-core's and the services' default configuration). */
    private static final String DEMO_TENANT = "demo";

    private LocalStack(StackSettings settings, Map<String, Map<String, String>> extraEnvironment, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.applications = new Applications(settings.logDir(), extraEnvironment, out);
        this.extraEnvironment = extraEnvironment;
    }

    /** Starts everything and returns once every service answers; stops what it started if one fails. */
    public static LocalStack start(StackSettings settings, PrintStream out) {
        return start(settings, Map.of(), out);
    }

    /**
     * As {@link #start(StackSettings, PrintStream)}, with more environment for some applications
     * by name (e.g. "alerting" -> SPRING_APPLICATION_JSON with notification channels).
     */
    public static LocalStack start(StackSettings settings, Map<String, Map<String, String>> extraEnvironment,
                                   PrintStream out) {
        LocalStack stack = new LocalStack(settings, extraEnvironment, out);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public StackSettings settings() {
        return settings;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public ClickHouseServer clickHouse() {
        return clickHouse;
    }

    /**
     * Starts the broker again on its folder and port after it died (fault tests kill it with
     * SIGKILL mid-load); the services reconnect by themselves. A running broker is stopped first.
     */
    public void restartKafka() {
        kafka.close();
        kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
    }

    /**
     * Stops the ClickHouse engine cleanly (SIGTERM) while everything else runs on: fault tests take
     * it away under load to see the stream jobs' sink retry, or the job restart from its checkpoint.
     */
    public void stopClickHouse() {
        clickHouse.close();
    }

    /** Starts the engine again on its folder and port; the tables are still there, so no migrations. */
    public void startClickHouse() {
        clickHouse = ClickHouseServer.start(settings.dataDir().resolve("clickhouse"), settings.clickHousePort());
    }

    /** SIGKILL of one application by name, as a crash would (fault tests): no shutdown hooks run. */
    public void killApplication(String name) {
        applications.kill(name);
    }

    /**
     * Starts one application again by name, as it was first started, and returns once it is ready;
     * a running one is stopped first. A stream job restores its newest retained checkpoint
     * (RESTORE_FROM=auto, its default), as after a crash in production.
     */
    public void restartApplication(String name) {
        applications.restart(name);
    }

    /** The REST port of each Flink job's MiniCluster by job name, to check on the jobs from outside. */
    public Map<String, Integer> jobRestPorts() {
        return Map.copyOf(jobRestPorts);
    }

    /** The process id of each started application by name, in start order, to watch them from outside. */
    public Map<String, Long> applicationPids() {
        return applications.pids();
    }

    /** The first application process that has ended, if any: the runner stops when one dies. */
    @Override
    public Optional<ChildProcess> firstDeadApplication() {
        return applications.firstDead();
    }

    private void startAll() {
        requirePortsFree();
        Applications.step(out, "Kafka broker", () -> {
            kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
            kafka.createContractTopics();
        });
        Applications.step(out, "ClickHouse engine", () -> {
            clickHouse = ClickHouseServer.start(settings.dataDir().resolve("clickhouse"), settings.clickHousePort());
            migrate(clickHouse);
        });
        Map<String, String> kafkaEnv = Map.of("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrap());
        Map<String, String> clickHouseEnv = Map.of("CLICKHOUSE_URL", settings.clickHouseJdbcUrl());
        Map<String, String> demoContent = DemoContent.jobSettings(settings.home(), System.getenv());
        launchJob("stream-jobs", "io.chatpulse.streamjobs.ConversationKpiJob", "1g", "flink-checkpoints",
                Applications.merge(kafkaEnv, clickHouseEnv, demoContent));
        // Its own JVM and checkpoint folder: each job restores the newest checkpoint of its folder.
        launchJob("queue-monitor", "io.chatpulse.streamjobs.QueueMonitorJob", "512m", "flink-checkpoints-monitor",
                Applications.merge(kafkaEnv, clickHouseEnv, demoContent));
        applications.launchService(Application.executableJar(settings.home(), "metrics-api", "384m",
                Applications.merge(kafkaEnv, clickHouseEnv, Map.of("SERVER_PORT", String.valueOf(settings.metricsApiPort()))),
                List.of()),
                settings.metricsApiPort());
        applications.launchService(Application.executableJar(settings.home(), "alerting", "384m",
                Applications.merge(kafkaEnv, Map.of("SERVER_PORT", String.valueOf(settings.alertingPort()),
                        "ALERTING_STATE_DIR", settings.dataDir().resolve("alerting").toString()), demoChannel()),
                List.of()),
                settings.alertingPort());
        applications.launchService(Application.executableJar(settings.home(), "chat-core", "512m",
                Applications.merge(kafkaEnv, Map.of("SERVER_PORT", String.valueOf(settings.chatCorePort()))), List.of()),
                settings.chatCorePort());
        applications.awaitAll();
        if (settings.simulatorRate() > 0) {
            applications.launch(Application.executableJar(settings.home(), "simulator", "256m", Map.of(), List.of(
                    "--url", "http://127.0.0.1:" + settings.chatCorePort(), "--api-key", settings.apiKey(),
                    "--rate", String.valueOf(settings.simulatorRate()),
                    "--agents", String.valueOf(settings.simulatorAgents()))), () -> true);
        }
    }

    /** Whether alerting pages the demo tenant into {@link DemoChannel#file} (no routes configured otherwise). */
    public boolean pagesToDemoChannel() {
        return !demoChannel().isEmpty();
    }

    @Override
    public Optional<Path> demoChannelFile() {
        return pagesToDemoChannel() ? Optional.of(DemoChannel.file(settings.logDir())) : Optional.empty();
    }

    /** The demo tenant's pages into the log folder, unless routes come from the environment or the caller. */
    private Map<String, String> demoChannel() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.putAll(extraEnvironment.getOrDefault("alerting", Map.of()));
        return DemoChannel.environment(settings.logDir(), List.of(DEMO_TENANT), environment);
    }

    /** A Flink job in its own JVM (a local MiniCluster) with its own checkpoint folder and REST port. */
    private void launchJob(String name, String mainClass, String heap, String checkpointFolder,
                           Map<String, String> env) {
        int restPort = Ports.free();
        jobRestPorts.put(name, restPort);
        applications.launch(Application.withLibs(settings.home(), "stream-jobs", mainClass, heap, Applications.merge(env, Map.of(
                        "CHECKPOINT_DIR", settings.dataDir().resolve(checkpointFolder).toUri().toString(),
                        "REST_PORT", String.valueOf(restPort)))).renamed(name),
                () -> FlinkJobCheck.allTasksRunning(restPort));
        out.printf("  %-12s web UI: http://127.0.0.1:%d/%n", name, restPort);
    }

    private void requirePortsFree() {
        Ports.requireFree(settings.kafkaPort(), "the Kafka broker");
        Ports.requireFree(settings.clickHousePort(), "the ClickHouse engine");
        Ports.requireFree(settings.chatCorePort(), "chat-core");
        Ports.requireFree(settings.metricsApiPort(), "metrics-api");
        Ports.requireFree(settings.alertingPort(), "alerting");
    }

    /** The schema on a started engine, as its default user (both runners). */
    static void migrate(ClickHouseServer clickHouse) {
        try {
            ClickHouseMigrations.apply(clickHouse.jdbcUrl(), "default", "");
        } catch (SQLException e) {
            throw new IllegalStateException("ClickHouse migrations failed: " + e.getMessage(), e);
        }
    }

    /** Stops the applications newest first, then ClickHouse, then Kafka. */
    @Override
    public void close() {
        applications.close();
        if (clickHouse != null) {
            clickHouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
