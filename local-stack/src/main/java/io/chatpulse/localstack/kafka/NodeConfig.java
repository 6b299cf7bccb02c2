package io.chatpulse.localstack.kafka;

import io.chatpulse.localstack.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.Uuid;

/**
 * The server.properties of one KRaft node with the broker and controller roles in one JVM, for a
 * single broker or a node of a cluster: the replication of Kafka's own topics (consumer offsets,
 * transaction state) follows the contract topics' definition on as many brokers.
 */
final class NodeConfig {

    private NodeConfig() {
    }

    /**
     * @param nodeDir the node's own folder: its config, data and logs
     * @param voters  the controller quorum, "1@127.0.0.1:port,2@..."; static, so a port may change
     *                between runs without reformatting
     * @param brokers how many brokers the cluster has
     */
    static Properties node(int nodeId, int port, int controllerPort, String voters, Path nodeDir, int brokers) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(nodeId));
        p.setProperty("controller.quorum.voters", voters);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir(nodeDir).toString());
        // Topics created by a client's first use rather than from the definition (none should be).
        p.setProperty("num.partitions", "3");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        replication(p, ContractTopics.load(), brokers);
        if (brokers > 1) {
            fastFailover(p);
        }
        return p;
    }

    /** Kafka's internal topics and any topic created without a factor get the contract's replication. */
    private static void replication(Properties p, ContractTopics topics, int brokers) {
        String factor = String.valueOf(topics.replicationFactor(brokers));
        String minIsr = String.valueOf(topics.minInSyncReplicas(brokers));
        p.setProperty("default.replication.factor", factor);
        p.setProperty("min.insync.replicas", minIsr);
        p.setProperty("offsets.topic.replication.factor", factor);
        p.setProperty("transaction.state.log.replication.factor", factor);
        p.setProperty("transaction.state.log.min.isr", minIsr);
        p.setProperty("share.coordinator.state.topic.replication.factor", factor);
        p.setProperty("share.coordinator.state.topic.min.isr", minIsr);
    }

    /**
     * A killed broker stays leader, and in the ISR of the partitions it follows, until the active
     * controller fences it when its session times out (9 s by default); until then acks=all writes
     * to those partitions wait. A 3 s session, with a heartbeat every 500 ms (six to miss before a
     * live broker is fenced by mistake), and a killed active controller replaced within about a
     * second, bring writing back about 5 s after a kill (KafkaClusterIT); the clients' timeouts
     * on a cluster allow for that ({@link KafkaCluster#clientEnvironment()}).
     */
    private static void fastFailover(Properties p) {
        p.setProperty("broker.session.timeout.ms", "3000");
        p.setProperty("broker.heartbeat.interval.ms", "500");
        p.setProperty("controller.quorum.fetch.timeout.ms", "1000");
        p.setProperty("controller.quorum.election.timeout.ms", "500");
    }

    /** Where the node keeps its partitions and metadata log. */
    static Path logDir(Path nodeDir) {
        return nodeDir.resolve("data");
    }

    /** Writes the node's server.properties into its folder and returns the file. */
    static Path write(Properties p, Path nodeDir) {
        Path file = nodeDir.resolve("server.properties");
        try {
            Files.createDirectories(nodeDir);
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "written by chatpulse local-stack at each start");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Kafka config " + file, e);
        }
    }

    /**
     * Formats the storage of every node not formatted yet, all for one cluster id, in parallel;
     * a node with data keeps it. {@code configs}: each node's config file under its folder.
     */
    static void formatUnformatted(List<Path> configs, Uuid clusterId) {
        List<ChildProcess> formats = new ArrayList<>();
        for (Path config : configs) {
            if (!Files.exists(logDir(config.getParent()).resolve("meta.properties"))) {
                formats.add(ChildProcess.start("Kafka storage format of " + config.getParent(), List.of("-Xmx256m"),
                        "kafka.tools.StorageTool", List.of("format", "-t", clusterId.toString(), "-c", config.toString()),
                        config.resolveSibling("format.log")));
            }
        }
        formats.forEach(format -> format.awaitSuccess(Duration.ofSeconds(60)));
    }
}
