package io.chatpulse.localstack.kafka;

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

    private static final int NODE_ID = 1;
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
        Path config = NodeConfig.write(NodeConfig.node(NODE_ID, port, controllerPort,
                NODE_ID + "@127.0.0.1:" + controllerPort, dataDir.toAbsolutePath(), 1), dataDir.toAbsolutePath());
        NodeConfig.formatUnformatted(List.of(config), Uuid.randomUuid());
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

    /**
     * The topics of deploy/kafka-topics.properties that do not exist yet, alerting's own included:
     * alerting would create those at start, but its streams can start before the new topics are
     * seen and then stop for good.
     */
    public void createContractTopics() {
        try (Admin admin = admin()) {
            ContractTopics.load().createMissing(admin, 1);
        }
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
