package io.chatpulse.localstack.kafka;

import io.chatpulse.events.Topics;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.FolderLock;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in its own JVM, data under one
 * folder. The storage is formatted once; a restart on the same folder keeps every record.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final int CONTRACT_TOPIC_PARTITIONS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final ChildProcess process;

    private KafkaBroker(Path dataDir, int port, ChildProcess process) {
        this.dataDir = dataDir;
        this.port = port;
        this.process = process;
    }

    /** Starts on a free port. */
    public static KafkaBroker start(Path dataDir) {
        return start(dataDir, Ports.free());
    }

    public static KafkaBroker start(Path dataDir, int port) {
        Ports.requireFree(port, "the Kafka broker");
        FolderLock.requireUnlocked(dataDir.resolve("data").resolve(".lock"), "Kafka broker");
        int controllerPort = Ports.free();
        Path config = writeConfig(dataDir.toAbsolutePath(), port, controllerPort);
        formatStorageOnce(dataDir.toAbsolutePath(), config);
        // A fixed heap, touched at start (Kafka's own scripts also set -Xms to -Xmx): the broker's
        // resident memory is then flat from the first minute, and any growth a soak run shows is real.
        ChildProcess process = ChildProcess.start("Kafka broker on port " + port,
                List.of("-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC",
                        "-Dlog4j2.configurationFile=" + LogConfig.write(dataDir)),
                KafkaBrokerMain.class.getName(), List.of(config.toString()), dataDir.resolve("broker.log"));
        KafkaBroker broker = new KafkaBroker(dataDir, port, process);
        process.awaitReady(broker::answers, START_TIMEOUT);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path log() {
        return process.log();
    }

    public long pid() {
        return process.pid();
    }

    /** Creates the contract's topics if they do not exist yet. */
    /**
     * The contract topics, and alerting's own: alerting would create those at start, but its
     * streams can start before the new topics are seen and then stop for good.
     */
    public void createContractTopics() {
        createTopics(CONTRACT_TOPIC_PARTITIONS,
                Topics.CONVERSATION_EVENTS, Topics.AGENT_EVENTS, Topics.ALERTS, Topics.DEAD_LETTER,
                Topics.ALERT_COMMANDS, Topics.ALERT_NOTIFICATIONS, Topics.ALERT_DELIVERIES);
    }

    public void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers(), e);
        }
    }

    /** SIGKILL, as a crash would. */
    public void kill() {
        process.kill();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy(Duration.ofSeconds(30));
    }

    private boolean answers() {
        if (!Ports.accepting(port)) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    private static Path writeConfig(Path dataDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        // Static voters: the controller's port may change between runs without reformatting.
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("data").toString());
        p.setProperty("num.partitions", String.valueOf(CONTRACT_TOPIC_PARTITIONS));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "written by chatpulse local-stack at each start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka config under " + dataDir, e);
        }
    }

    private static void formatStorageOnce(Path dataDir, Path config) {
        if (Files.exists(dataDir.resolve("data").resolve("meta.properties"))) {
            return;
        }
        ChildProcess.start("Kafka storage format", List.of("-Xmx256m"), "kafka.tools.StorageTool",
                        List.of("format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                        dataDir.resolve("format.log"))
                .awaitSuccess(Duration.ofSeconds(60));
    }

    /** Broker logging at INFO to its log file; Kafka's own defaults are far noisier or silent. */
    static final class LogConfig {
        private LogConfig() {
        }

        static Path write(Path dataDir) {
            Path file = dataDir.toAbsolutePath().resolve("log4j2.properties");
            try {
                Files.writeString(file, String.join("\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.out.ref = out",
                        "appender.out.type = Console",
                        "appender.out.name = out",
                        "appender.out.layout.type = PatternLayout",
                        "appender.out.layout.pattern = [%d] %p %m (%c{1})%n",
                        "logger.kafka.name = kafka",
                        "logger.kafka.level = INFO",
                        "logger.state.name = state.change.logger",
                        "logger.state.level = WARN",
                        ""));
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
