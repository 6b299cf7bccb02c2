package io.chatpulse.localstack.kafka;

import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka cluster on this machine: nodes 1..n, each broker and controller in its own JVM (the
 * controller quorum is every node), its own ports and its own folder {@code node-<id>} under one
 * data folder, all formatted with one cluster id. Nodes can be killed (SIGKILL) and restarted one by
 * one; every node ends with the JVM that started it. Why combined roles: decision 0015.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REPLICATION_TIMEOUT = Duration.ofSeconds(90);
    /** How long a client may block on a send and wait for its delivery: a failover and a margin. */
    public static final Duration CLIENT_WAIT = Duration.ofSeconds(12);

    private final List<KafkaNode> nodes;

    private KafkaCluster(List<KafkaNode> nodes) {
        this.nodes = nodes;
    }

    /** {@code nodes} nodes on free ports. */
    public static KafkaCluster start(Path dataDir, int nodes) {
        return start(dataDir, IntStream.range(0, nodes).mapToObj(i -> Ports.free()).toList());
    }

    /** One node a client port, in node id order; the controller ports are free ones. */
    public static KafkaCluster start(Path dataDir, List<Integer> ports) {
        Path dir = dataDir.toAbsolutePath();
        List<KafkaNode> nodes = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            nodes.add(new KafkaNode(i + 1, dir.resolve("node-" + (i + 1)), ports.get(i), Ports.free()));
        }
        String voters = nodes.stream().map(KafkaNode::voter).collect(Collectors.joining(","));
        List<Path> configs = nodes.stream().map(n -> n.configure(voters, ports.size())).toList();
        NodeConfig.formatUnformatted(configs, clusterId(dir));
        KafkaCluster cluster = new KafkaCluster(nodes);
        try {
            nodes.forEach(KafkaNode::launch);
            nodes.forEach(n -> n.awaitReady(START_TIMEOUT));
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The environment of the project's applications on this cluster. chat-core's own defaults
     * (2 s to block, 4 s to deliver) suit the single broker, where waiting longer cannot help and a
     * quick 503 can. On a cluster a write to a killed node's partitions waits 5 to 8 s until
     * leaders move (decision 0015): 12 s each lets a write outlast that, on a busy machine too,
     * instead of failing, and the request's own limit stays above both together.
     */
    public Map<String, String> clientEnvironment() {
        return clientEnvironment(bootstrapServers(), nodes.size());
    }

    /** {@link #clientEnvironment()} for any cluster of {@code brokers}, such as docker-compose's. */
    public static Map<String, String> clientEnvironment(String bootstrapServers, int brokers) {
        return Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "KAFKA_MAX_BLOCK_MS", String.valueOf(CLIENT_WAIT.toMillis()),
                "KAFKA_DELIVERY_TIMEOUT_MS", String.valueOf(CLIENT_WAIT.toMillis()),
                "CHATPULSE_ACK_TIMEOUT", CLIENT_WAIT.multipliedBy(2).plusSeconds(1).toSeconds() + "s",
                "KAFKA_REPLICATION_FACTOR", String.valueOf(ContractTopics.load().replicationFactor(brokers)));
    }

    /** The broker settings every node of a cluster of {@code brokers} shares (replication, failover). */
    public static Map<String, String> brokerSettings(int brokers) {
        return NodeConfig.sharedSettings(brokers);
    }

    /** Every node's address: a client needs only one that answers, and learns the rest from it. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaNode::address).collect(Collectors.joining(","));
    }

    public int size() {
        return nodes.size();
    }

    /** The topics of deploy/kafka-topics.properties that do not exist yet, replicated on this cluster. */
    public void createContractTopics() {
        try (Admin admin = admin()) {
            ContractTopics.load().createMissing(admin, nodes.size());
        }
    }

    /** SIGKILL of node {@code id} (1..n), as a crash would. */
    public void kill(int id) {
        node(id).kill();
    }

    /**
     * Starts node {@code id} again on its folder and ports (stopping it first if it runs) and returns
     * once it has caught up: every partition of the cluster fully in sync again.
     */
    public void restart(int id) {
        KafkaNode node = node(id);
        node.stop();
        node.launch();
        node.awaitReady(START_TIMEOUT);
        awaitFullyReplicated(REPLICATION_TIMEOUT);
    }

    /**
     * Restarts every node in turn, as an upgrade would: a controlled shutdown (leaders handed over
     * first), a start, and the next one only once every partition is fully in sync again, so that
     * no partition ever has fewer than min.insync.replicas copies.
     */
    public void rollingRestart() {
        awaitFullyReplicated(REPLICATION_TIMEOUT);
        nodes.forEach(n -> restart(n.id()));
    }

    /** The node id of the active controller (the quorum's leader). */
    public int activeController() {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the controller quorum of " + bootstrapServers(), e);
        }
    }

    /** Waits until every partition, Kafka's internal ones included, has all its replicas in sync. */
    public void awaitFullyReplicated(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<String> lagging = underReplicated();
        while (!lagging.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("partitions not fully in sync within " + timeout + ": " + lagging);
            }
            pause();
            lagging = underReplicated();
        }
    }

    /** Partitions with a replica out of sync or no leader ("?" when the cluster cannot be asked). */
    private List<String> underReplicated() {
        try (Admin admin = admin()) {
            var names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(10, TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
            List<String> lagging = new ArrayList<>();
            topics.values().forEach(t -> t.partitions().stream().filter(KafkaCluster::lagging)
                    .forEach(p -> lagging.add(t.name() + "-" + p.partition() + " isr " + p.isr())));
            return lagging;
        } catch (Exception e) {
            return List.of("? " + e.getMessage());
        }
    }

    private static boolean lagging(TopicPartitionInfo p) {
        return p.leader() == null || p.leader().isEmpty() || p.isr().size() < p.replicas().size();
    }

    public boolean isAlive(int id) {
        return node(id).isAlive();
    }

    public long pid(int id) {
        return node(id).pid();
    }

    public Path log(int id) {
        return node(id).log();
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
    }

    /**
     * Stops every node at once: one by one, the last nodes would wait for a controller quorum that
     * the first ones took away.
     */
    @Override
    public void close() {
        List<Thread> stops = nodes.stream().map(n -> new Thread(n::stop, "stop Kafka node " + n.id())).toList();
        stops.forEach(Thread::start);
        for (Thread stop : stops) {
            try {
                stop.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                nodes.forEach(KafkaNode::kill);
                return;
            }
        }
    }

    private KafkaNode node(int id) {
        if (id < 1 || id > nodes.size()) {
            throw new IllegalArgumentException("no Kafka node " + id + "; nodes are 1.." + nodes.size());
        }
        return nodes.get(id - 1);
    }

    /** The cluster's id, chosen at the first start and kept beside the nodes: a node formatted later joins it. */
    private static Uuid clusterId(Path dir) {
        Path file = dir.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Uuid.fromString(Files.readString(file).trim());
            }
            Uuid id = Uuid.randomUuid();
            Files.createDirectories(dir);
            Files.writeString(file, id + "\n");
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the cluster id in " + file, e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
