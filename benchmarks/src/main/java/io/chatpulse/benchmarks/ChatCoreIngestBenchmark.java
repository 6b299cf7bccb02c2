package io.chatpulse.benchmarks;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.localstack.kafka.KafkaCluster;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * chat-core ingest: messages accepted per second and the latency of POST /messages, each one
 * acknowledged by real Kafka on the same machine. Starts Kafka and the built chat-core jar, runs
 * the simulator's MessageBenchmark against it (options after the first argument are passed on),
 * prints its figures and the RSS of the servers, and stops everything.
 *
 * <p>{@code --kafka-nodes N} (N > 1) runs Kafka as a {@link KafkaCluster} of N nodes, topics
 * replicated as on the cluster (RF 3, min ISR 2 from three nodes): what replication costs a write
 * acknowledged with acks=all. Without it, the single embedded broker (RF 1).
 */
public final class ChatCoreIngestBenchmark {

    private static final String KAFKA_NODES = "--kafka-nodes";

    private ChatCoreIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory("chatpulse-bench-ingest");
        int kafkaNodes = kafkaNodes(args);
        String[] benchmarkArgs = withoutKafkaNodes(args);
        System.out.println("chat-core ingest benchmark on " + kafkaNodes + " Kafka node(s); data in " + dataDir);
        if (kafkaNodes == 1) {
            try (KafkaBroker broker = KafkaBroker.start(dataDir.resolve("kafka"))) {
                broker.createContractTopics();
                run(home, dataDir, Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()),
                        List.of(broker.pid()), benchmarkArgs);
            }
        } else {
            try (KafkaCluster cluster = KafkaCluster.start(dataDir.resolve("kafka"), kafkaNodes)) {
                cluster.createContractTopics();
                List<Long> pids = new ArrayList<>();
                for (int id = 1; id <= kafkaNodes; id++) {
                    pids.add(cluster.pid(id));
                }
                // The cluster's client timeouts, as `up --cluster` gives chat-core.
                run(home, dataDir, cluster.clientEnvironment(), pids, benchmarkArgs);
            }
        }
    }

    private static void run(Path home, Path dataDir, Map<String, String> kafkaEnvironment, List<Long> kafkaPids,
            String[] args) throws Exception {
        int port = Ports.free();
        Map<String, String> environment = new HashMap<>(kafkaEnvironment);
        environment.put("SERVER_PORT", String.valueOf(port));
        // No request limit: the benchmark measures what chat-core can do, not what one tenant may.
        environment.put("CHATPULSE_RATE_LIMIT", "0");
        ChildProcess chatCore = Application.executableJar(home, "chat-core", "1g", environment, List.of()).start(dataDir);
        try {
            chatCore.awaitReady(() -> HealthCheck.healthy(port), Duration.ofMinutes(3));
            runBenchmark(home, port, args);
            long kafkaRss = kafkaPids.stream().mapToLong(Rss::megabytes).sum();
            System.out.printf("RSS after the run: chat-core %d MB, Kafka (%d node(s)) %d MB%n",
                    Rss.megabytes(chatCore.pid()), kafkaPids.size(), kafkaRss);
        } finally {
            chatCore.destroy(Duration.ofSeconds(30));
        }
    }

    private static int kafkaNodes(String[] args) {
        int at = Arrays.asList(args).indexOf(KAFKA_NODES);
        if (at < 0) {
            return 1;
        }
        if (at + 1 >= args.length) {
            throw new IllegalArgumentException(KAFKA_NODES + " needs a number of nodes");
        }
        int nodes = Integer.parseInt(args[at + 1]);
        if (nodes < 1) {
            throw new IllegalArgumentException(KAFKA_NODES + " must be at least 1, was " + nodes);
        }
        return nodes;
    }

    private static String[] withoutKafkaNodes(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        int at = rest.indexOf(KAFKA_NODES);
        if (at >= 0) {
            rest.subList(at, Math.min(at + 2, rest.size())).clear();
        }
        return rest.toArray(String[]::new);
    }

    private static void runBenchmark(Path home, int port, String[] args) throws IOException, InterruptedException {
        List<String> benchmarkArgs = benchmarkArgs(port, args);
        System.out.println("MessageBenchmark " + String.join(" ", benchmarkArgs));
        List<String> command = ChildProcess.javaCommand(List.of("-Xmx512m"),
                home.resolve("simulator/target/simulator.jar").toString(),
                "io.chatpulse.simulator.bench.MessageBenchmark", benchmarkArgs);
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("MessageBenchmark exited with " + exit);
        }
    }

    private static List<String> benchmarkArgs(int port, String[] args) {
        List<String> all = new ArrayList<>(List.of("--url", "http://127.0.0.1:" + port));
        all.addAll(args.length == 0
                ? List.of("--conversations", "1000", "--concurrency", "64", "--duration", "30s", "--warmup", "40s")
                : List.of(args));
        return all;
    }
}
