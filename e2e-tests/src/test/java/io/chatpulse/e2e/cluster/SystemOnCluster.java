package io.chatpulse.e2e.cluster;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.kafka.KafkaCluster;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's Kafka clients that run as services, chat-core (producer, transactions) and alerting
 * (Kafka Streams), from their built jars against a three-node Kafka cluster with the environment
 * the cluster gives its clients; free ports, data under e2e-tests/target. No Flink, no ClickHouse:
 * what the cluster fault tests need and no more.
 */
final class SystemOnCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final KafkaCluster kafka;
    private final List<ChildProcess> services = new ArrayList<>();
    private int chatCorePort;
    private int alertingPort;

    private SystemOnCluster(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    static SystemOnCluster start(String name) {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("e2e-tests/target/cluster-" + name + "-" + System.nanoTime());
        SystemOnCluster system = new SystemOnCluster(KafkaCluster.start(dataDir.resolve("kafka"), 3));
        try {
            system.kafka.createContractTopics();
            system.chatCorePort = system.startService(home, "chat-core", "512m", dataDir, Map.of());
            system.alertingPort = system.startService(home, "alerting", "384m", dataDir,
                    Map.of("ALERTING_STATE_DIR", dataDir.resolve("alerting").toString()));
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    /** Starts a service's jar as the local runner would, on a free port; returns once it is healthy. */
    private int startService(Path home, String module, String heap, Path dataDir, Map<String, String> extra) {
        int port = Ports.free();
        Map<String, String> env = new HashMap<>(kafka.clientEnvironment());
        env.putAll(extra);
        env.put("SERVER_PORT", String.valueOf(port));
        ChildProcess service = Application.executableJar(home, module, heap, env, List.of()).start(dataDir.resolve("logs"));
        services.add(service);
        service.awaitReady(() -> HealthCheck.healthy(port), START_TIMEOUT);
        return port;
    }

    KafkaCluster kafka() {
        return kafka;
    }

    String chatCoreUrl() {
        return "http://127.0.0.1:" + chatCorePort;
    }

    int alertingPort() {
        return alertingPort;
    }

    @Override
    public void close() {
        services.forEach(s -> s.destroy(Duration.ofSeconds(30)));
        kafka.close();
    }
}
