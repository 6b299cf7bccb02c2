package io.chatpulse.benchmarks;

import io.chatpulse.bench.Percentiles;
import io.chatpulse.localstack.Application;
import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.HealthCheck;
import io.chatpulse.localstack.process.Ports;
import io.chatpulse.schema.ClickHouseMigrations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live endpoint's target, "p99 under 50 ms at 200 requests/s": GET /api/v1/live/queues of the
 * demo tenant at a fixed rate (open loop, see {@link OpenLoopLoad}) against the built metrics-api
 * jar on a real ClickHouse engine holding {@link LiveTables}, while the queue monitor's rows keep
 * arriving every second. Prints the latency percentiles, errors and the RSS of both servers.
 * Arguments: [rate=200] [seconds=60] [warmup-seconds=20].
 */
public final class LiveApiBenchmark {

    private static final String PATH = "/api/v1/live/queues";
    private static final String API_KEY = "demo-key";
    private static final int TARGET_RATE = 200;
    private static final double TARGET_P99_MS = 50;

    private LiveApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rate = argument(args, 0, TARGET_RATE);
        int seconds = argument(args, 1, 60);
        int warmupSeconds = argument(args, 2, 20);
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory("chatpulse-bench-live");
        System.out.printf("live endpoint benchmark: GET %s at %d requests/s for %d s after %d s of warm-up; "
                + "data in %s%n", PATH, rate, seconds, warmupSeconds, dataDir);
        try (ClickHouseServer clickHouse = ClickHouseServer.start(dataDir.resolve("clickhouse"));
             Connection connection = DriverManager.getConnection(clickHouse.jdbcUrl(), "default", "")) {
            ClickHouseMigrations.apply(connection);
            LiveTables.fill(connection, Instant.now());
            printRowCounts(connection);
            ScheduledExecutorService monitor = startMonitorWrites(connection);
            try {
                measure(home, dataDir, clickHouse, rate, seconds, warmupSeconds);
            } finally {
                monitor.shutdownNow();
            }
        }
    }

    private static void measure(Path home, Path dataDir, ClickHouseServer clickHouse, int rate, int seconds,
                                int warmupSeconds) throws Exception {
        int port = Ports.free();
        ChildProcess metricsApi = Application.executableJar(home, "metrics-api", "384m",
                Map.of("CLICKHOUSE_URL", clickHouse.jdbcUrl(), "SERVER_PORT", String.valueOf(port)),
                List.of()).start(dataDir);
        try {
            metricsApi.awaitReady(() -> HealthCheck.healthy(port), Duration.ofMinutes(3));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                    .header("X-Api-Key", API_KEY);
            printOneAnswer(request.build());
            report(new OpenLoopLoad().run(request, rate, Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(seconds)), rate);
            System.out.printf("RSS after the run: metrics-api %d MB, ClickHouse engine %d MB%n",
                    Rss.megabytes(metricsApi.pid()), Rss.megabytes(clickHouse.pid()));
        } finally {
            metricsApi.destroy(Duration.ofSeconds(30));
        }
    }

    /**
     * QueueMonitorJob writes a row per queue every second while live: without it every row would
     * turn stale 10 s in, and the engine would not be merging fresh parts under the reads.
     */
    private static ScheduledExecutorService startMonitorWrites(Connection connection) {
        ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "queue-monitor-writes");
            thread.setDaemon(true);
            return thread;
        });
        monitor.scheduleAtFixedRate(() -> {
            try {
                LiveTables.writeStates(connection, Instant.now().truncatedTo(ChronoUnit.SECONDS), 1);
            } catch (SQLException e) {
                System.err.println("queue monitor rows not written: " + e.getMessage());
            }
        }, 0, 1, TimeUnit.SECONDS);
        return monitor;
    }

    private static void printRowCounts(Connection connection) throws SQLException {
        for (String table : List.of("queue_live_state", "queue_waits", "alert_history")) {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count() FROM " + table)) {
                rows.next();
                System.out.printf("%s: %,d rows%n", table, rows.getLong(1));
            }
        }
    }

    /** What one answer holds, so that a figure is never taken of an empty or failing endpoint. */
    private static void printOneAnswer(HttpRequest request) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        if (response.statusCode() != 200) {
            throw new IllegalStateException(PATH + " answered " + response.statusCode() + ": " + body);
        }
        System.out.printf("one answer for tenant %s: %d queues, %d open alerts, %,d bytes%n", LiveTables.DEMO_TENANT,
                occurrences(body, "\"serviceLevelToday\""), occurrences(body, "\"rule\""), body.length());
    }

    private static void report(OpenLoopLoad.Result result, int rate) {
        List<Long> nanos = result.latencyNanos();
        System.out.printf("achieved %.1f requests/s answered 200 (%d requests completed, %d errors%s)%n",
                result.achievedRate(), nanos.size(), result.errors(),
                result.firstError() == null ? "" : ", first: " + result.firstError());
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no measured request completed");
        }
        double p99 = millis(Percentiles.nearestRank(nanos, 0.99));
        System.out.printf("latency from scheduled send to full response: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                        + "p999 %.1f ms, max %.1f ms%n", millis(Percentiles.nearestRank(nanos, 0.50)),
                millis(Percentiles.nearestRank(nanos, 0.90)), p99, millis(Percentiles.nearestRank(nanos, 0.999)),
                millis(nanos.get(nanos.size() - 1)));
        System.out.printf("target p99 < %.0f ms at %d/s: p99 %.1f ms at %d/s, %s%n", TARGET_P99_MS, TARGET_RATE, p99,
                rate, p99 < TARGET_P99_MS && rate >= TARGET_RATE && result.errors() == 0 ? "met" : "NOT met");
    }

    private static int occurrences(String text, String part) {
        return text.split(part, -1).length - 1;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static int argument(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }
}
