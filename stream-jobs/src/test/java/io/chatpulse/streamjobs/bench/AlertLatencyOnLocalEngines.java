package io.chatpulse.streamjobs.bench;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs {@link AlertLatencyBenchmark} on a broker and ClickHouse engine of its own (for a measurement
 * without the local runner): {@code java -cp <test classpath> ...AlertLatencyOnLocalEngines [N [spacing-ms]]}.
 */
public final class AlertLatencyOnLocalEngines {

    private AlertLatencyOnLocalEngines() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long spacingMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        Path data = Path.of("target", "bench-data", "latency-" + System.nanoTime());
        try (KafkaBroker kafka = KafkaBroker.start(data.resolve("kafka"));
             ClickHouseServer clickHouse = ClickHouseServer.start(data.resolve("clickhouse"))) {
            kafka.createContractTopics();
            ClickHouseMigrations.apply(clickHouse.jdbcUrl(), "default", "");
            AlertLatencyBenchmark.Result result = AlertLatencyBenchmark.run(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "CLICKHOUSE_URL", clickHouse.jdbcUrl()),
                    conversations, spacingMs, 2_000);
            System.out.println(result);
        }
        System.exit(0);
    }
}
