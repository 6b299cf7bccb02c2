package io.chatpulse.benchmarks;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * chat-core ingest: messages accepted per second and the latency of POST /messages, each one
 * acknowledged by a real Kafka broker on the same machine. Starts the broker and the built
 * chat-core jar, runs the simulator's MessageBenchmark against it (options after the first
 * argument are passed on), prints its figures and the RSS of both servers, and stops everything.
 */
public final class ChatCoreIngestBenchmark {

    private ChatCoreIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory("chatpulse-bench-ingest");
        int port = Ports.free();
        System.out.println("chat-core ingest benchmark; data in " + dataDir);
        try (KafkaBroker broker = KafkaBroker.start(dataDir.resolve("kafka"))) {
            broker.createContractTopics();
            // No request limit: the benchmark measures what chat-core can do, not what one tenant may.
            ChildProcess chatCore = Application.executableJar(home, "chat-core", "1g",
                    Map.of("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(), "SERVER_PORT", String.valueOf(port),
                            "CHATPULSE_RATE_LIMIT", "0"),
                    List.of()).start(dataDir);
            try {
                chatCore.awaitReady(() -> HealthCheck.healthy(port), Duration.ofMinutes(3));
                runBenchmark(home, port, args);
                System.out.printf("RSS after the run: chat-core %d MB, Kafka broker %d MB%n",
                        Rss.megabytes(chatCore.pid()), Rss.megabytes(broker.pid()));
            } finally {
                chatCore.destroy(Duration.ofSeconds(30));
            }
        }
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
