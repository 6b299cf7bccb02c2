package io.chatpulse.localstack.kafka;

import io.chatpulse.localstack.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        p.putAll(sharedSettings(brokers));
        return p;
    }

    /**
     * What every node of {@code brokers} sets beyond its own id and addresses; docker-compose's
     * brokers set the same (ComposeFileTest holds them to it).
     */
    static Map<String, String> sharedSettings(int brokers) {
        Map<String, String> s = new LinkedHashMap<>();
        // Topics created by a client's first use rather than from the definition (none should be).
        s.put("num.partitions", "3");
        s.put("auto.create.topics.enable", "true");
        s.put("offsets.topic.num.partitions", "3");
        s.put("group.initial.rebalance.delay.ms", "0");
        replication(s, ContractTopics.load(), brokers);
        if (brokers > 1) {
            fastFailover(s);
        }
        return s;
    }

    /** Kafka's internal topics and any topic created without a factor get the contract's replication. */
    private static void replication(Map<String, String> s, ContractTopics topics, int brokers) {
        String factor = String.valueOf(topics.replicationFactor(brokers));
        String minIsr = String.valueOf(topics.minInSyncReplicas(brokers));
        s.put("default.replication.factor", factor);
        s.put("min.insync.replicas", minIsr);
        s.put("offsets.topic.replication.factor", factor);
        s.put("transaction.state.log.replication.factor", factor);
        s.put("transaction.state.log.min.isr", minIsr);
        s.put("share.coordinator.state.topic.replication.factor", factor);
        s.put("share.coordinator.state.topic.min.isr", minIsr);
    }

    /**
     * A killed broker stays leader, and in the ISR of the partitions it follows, until the active
     * controller fences it when its session times out (9 s by default); until then acks=all writes
     * to those partitions wait. A 3 s session, with a heartbeat every 500 ms (six to miss before a
     * live broker is fenced by mistake), brings writing back within 5 to 8 s of a kill of the
     * active controller (KafkaClusterIT, ChatCoreOnKafkaClusterIT; 8 s when the two voters left
     * split their first vote); the clients' timeouts on a cluster allow for that
     * ({@link KafkaCluster#clientEnvironment()}). The quorum's own timeouts stay Kafka's: at 1 s
     * instead of 2 s, a voter starved of CPU on a busy machine called elections that stalled the
     * fencing itself (writes waited 8.7 s).
     */
    private static void fastFailover(Map<String, String> s) {
        s.put("broker.session.timeout.ms", "3000");
        s.put("broker.heartbeat.interval.ms", "500");
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
