package io.chatpulse.e2e.fault;

import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Only what a chat-core load test needs: a Kafka broker and the built chat-core jar, each in its own
 * JVM. Without ClickHouse and the Flink jobs the two shared cores measure chat-core, not the rest.
 */
public final class ChatCoreOnBroker implements AutoCloseable {

    private final KafkaBroker broker;
    private final ChildProcess chatCore;
    private final int port;

    private ChatCoreOnBroker(KafkaBroker broker, ChildProcess chatCore, int port) {
        this.broker = broker;
        this.chatCore = chatCore;
        this.port = port;
    }

    /** {@code environment}: chat-core's own settings (API keys, limits) beside the broker and port. */
    public static ChatCoreOnBroker start(String name, Map<String, String> environment) {
        Path home = Path.of(System.getProperty("chatpulse.home", "..")).toAbsolutePath().normalize();
        Path dataDir = home.resolve("e2e-tests/target/fault-" + name + "-" + System.nanoTime());
        KafkaBroker broker = KafkaBroker.start(dataDir.resolve("kafka"));
        try {
            broker.createContractTopics();
            int port = Ports.free();
            Map<String, String> env = new HashMap<>(environment);
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("SERVER_PORT", String.valueOf(port));
            ChildProcess chatCore = Application.executableJar(home, "chat-core", "512m", env, List.of())
                    .start(dataDir.resolve("logs"));
            System.out.println("chat-core log: " + chatCore.log());
            ChatCoreOnBroker started = new ChatCoreOnBroker(broker, chatCore, port);
            chatCore.awaitReady(() -> HealthCheck.healthy(port), Duration.ofMinutes(3));
            return started;
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        chatCore.destroy(Duration.ofSeconds(30));
        broker.close();
    }
}
