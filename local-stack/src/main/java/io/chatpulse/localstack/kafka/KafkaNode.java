package io.chatpulse.localstack.kafka;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.FolderLock;
import io.chatpulse.localstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One node of a {@link KafkaCluster}: broker and controller in its own JVM, with its own folder and
 * ports, which it keeps across restarts (the controller quorum names every voter's port).
 */
final class KafkaNode {

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final int id;
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    KafkaNode(int id, Path dir, int port, int controllerPort) {
        this.id = id;
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    int id() {
        return id;
    }

    Path dir() {
        return dir;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** This node as a voter of the controller quorum. */
    String voter() {
        return id + "@127.0.0.1:" + controllerPort;
    }

    /** Writes this node's config for the cluster; returns the file. */
    Path configure(String voters, int brokers) {
        return NodeConfig.write(NodeConfig.node(id, port, controllerPort, voters, dir, brokers), dir);
    }

    /** Launches the JVM without waiting for it: a node is ready only once a quorum of voters runs. */
    void launch() {
        Ports.requireFree(port, "Kafka node " + id);
        FolderLock.requireUnlocked(NodeConfig.logDir(dir).resolve(".lock"), "Kafka node");
        // Fixed heap touched at start, as for the single broker: flat memory from the first minute.
        process = ChildProcess.start("Kafka node " + id + " on port " + port,
                List.of("-Xms384m", "-Xmx384m", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC",
                        "-Dlog4j2.configurationFile=" + KafkaBroker.LogConfig.write(dir)),
                KafkaBrokerMain.class.getName(), List.of(dir.resolve("server.properties").toString()),
                dir.resolve("broker.log"));
    }

    void awaitReady(Duration timeout) {
        process.awaitReady(this::registered, timeout);
    }

    /** Serving, and listed by the cluster's metadata: registered with the controller and not fenced. */
    private boolean registered() {
        if (!Ports.accepting(port)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000))) {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().anyMatch(n -> n.id() == id);
        } catch (Exception e) {
            return false;
        }
    }

    /** SIGKILL, as a crash would: no controlled shutdown, leaders move only once it is fenced. */
    void kill() {
        process.kill();
    }

    /** SIGTERM: a controlled shutdown that hands its leaderships over first. */
    void stop() {
        if (process != null) {
            process.destroy(STOP_GRACE);
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return dir.resolve("broker.log");
    }
}
