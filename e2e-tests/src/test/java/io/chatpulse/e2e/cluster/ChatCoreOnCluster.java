package io.chatpulse.e2e.cluster;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.kafka.KafkaCluster;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * chat-core's built jar against a three-node Kafka cluster, with the environment the cluster gives
 * its clients, on free ports with its data under e2e-tests/target: what the cluster fault tests
 * need of the system, and no more (no Flink, no ClickHouse).
 */
final class ChatCoreOnCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final KafkaCluster kafka;
    private final ChildProcess chatCore;
    private final int port;

    private ChatCoreOnCluster(KafkaCluster kafka, ChildProcess chatCore, int port) {
        this.kafka = kafka;
        this.chatCore = chatCore;
        this.port = port;
    }

    static ChatCoreOnCluster start(String name) {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("e2e-tests/target/cluster-" + name + "-" + System.nanoTime());
        KafkaCluster kafka = KafkaCluster.start(dataDir.resolve("kafka"), 3);
        try {
            kafka.createContractTopics();
            int port = Ports.free();
            Map<String, String> env = new HashMap<>(kafka.clientEnvironment());
            env.put("SERVER_PORT", String.valueOf(port));
            ChildProcess chatCore = Application.executableJar(home, "chat-core", "512m", env, List.of())
                    .start(dataDir.resolve("logs"));
            chatCore.awaitReady(() -> HealthCheck.healthy(port), START_TIMEOUT);
            return new ChatCoreOnCluster(kafka, chatCore, port);
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    KafkaCluster kafka() {
        return kafka;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        chatCore.destroy(Duration.ofSeconds(30));
        kafka.close();
    }
}
