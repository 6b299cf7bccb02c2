package io.chatpulse.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the embedded stack keeps its data, which ports it serves, and whether the traffic
 * simulator drives it. Defaults are the documented ports; every one can be changed.
 */
public record StackSettings(
        Path home,
        Path dataDir,
        int kafkaPort,
        int clickHousePort,
        int chatCorePort,
        int metricsApiPort,
        int alertingPort,
        int simulatorRate,
        String apiKey) {

    public static final String USAGE = """
            Usage: chatpulse up [options]
            Starts the whole chatpulse system on this machine: a Kafka broker, the ClickHouse engine,
            the Flink jobs (local MiniCluster), chat-core, metrics-api, alerting and the traffic
            simulator. Ctrl-C stops all of it. Data stays in one folder.

            Options:
              --data DIR            data folder (default ./data)
              --kafka-port N        Kafka broker (default 9092)
              --clickhouse-port N   ClickHouse HTTP interface (default 8123)
              --chat-core-port N    chat-core REST API (default 8080)
              --metrics-api-port N  metrics-api REST API (default 8081)
              --alerting-port N     alerting health endpoint (default 8082)
              --rate N              simulated conversations per minute (default 60), served by N/5 agents in shifts
              --no-simulator        start without the traffic simulator
              --cluster             the cluster shape instead, each node its own JVM, data in DIR/cluster:
                                    three Kafka nodes (ports N, N+1, N+2), a Flink session cluster
                                    (JobManager with ZooKeeper, web UI on 8088; two TaskManagers) running
                                    both jobs at parallelism 2, and each service twice (the second on its
                                    port + 10): chat-core per tenant (demo, acme), metrics-api, alerting
              --help                this text
            """;

    public static StackSettings defaults(Path home) {
        return new StackSettings(home, home.resolve("data"), 9092, 8123, 8080, 8081, 8082, 60, "demo-key");
    }

    /** Parses the command line over the defaults; unknown options fail with the usage. */
    public static StackSettings parse(Path home, String[] args) {
        StackSettings d = defaults(home);
        Path dataDir = d.dataDir;
        int kafka = d.kafkaPort;
        int clickHouse = d.clickHousePort;
        int chatCore = d.chatCorePort;
        int metricsApi = d.metricsApiPort;
        int alerting = d.alertingPort;
        int rate = d.simulatorRate;
        List<String> rest = new ArrayList<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.remove(0);
            switch (option) {
                case "--data" -> dataDir = Path.of(value(option, rest)).toAbsolutePath();
                case "--kafka-port" -> kafka = port(option, rest);
                case "--clickhouse-port" -> clickHouse = port(option, rest);
                case "--chat-core-port" -> chatCore = port(option, rest);
                case "--metrics-api-port" -> metricsApi = port(option, rest);
                case "--alerting-port" -> alerting = port(option, rest);
                case "--rate" -> rate = positive(option, rest);
                case "--no-simulator" -> rate = 0;
                default -> throw new IllegalArgumentException("unknown option " + option + "\n\n" + USAGE);
            }
        }
        return new StackSettings(home, dataDir, kafka, clickHouse, chatCore, metricsApi, alerting, rate, d.apiKey);
    }

    /**
     * The simulated agents for the rate: one per 5 conversations a minute (12 for the default 60),
     * so a higher rate brings the staff to serve it; at least 2, so one is always on duty.
     */
    public int simulatorAgents() {
        return Math.max(2, (simulatorRate + 4) / 5);
    }

    public StackSettings withDataDir(Path dir) {
        return new StackSettings(home, dir, kafkaPort, clickHousePort, chatCorePort, metricsApiPort, alertingPort,
                simulatorRate, apiKey);
    }

    public StackSettings withSimulatorRate(int rate) {
        return new StackSettings(home, dataDir, kafkaPort, clickHousePort, chatCorePort, metricsApiPort, alertingPort,
                rate, apiKey);
    }

    public StackSettings withPorts(int kafka, int clickHouse, int chatCore, int metricsApi, int alerting) {
        return new StackSettings(home, dataDir, kafka, clickHouse, chatCore, metricsApi, alerting, simulatorRate, apiKey);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    public String clickHouseJdbcUrl() {
        return "jdbc:clickhouse://127.0.0.1:" + clickHousePort + "/default";
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    private static String value(String option, List<String> rest) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value\n\n" + USAGE);
        }
        return rest.remove(0);
    }

    private static int port(String option, List<String> rest) {
        int port = positive(option, rest);
        if (port > 65535) {
            throw new IllegalArgumentException(option + " must be a port number (1..65535), got " + port);
        }
        return port;
    }

    private static int positive(String option, List<String> rest) {
        String raw = value(option, rest);
        try {
            int n = Integer.parseInt(raw);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a positive whole number, got '" + raw + "'");
        }
    }
}
