package io.chatpulse.metrics.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.chatpulse.bench.Percentiles;
import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.metrics.qa.QaRepository;
import io.chatpulse.metrics.report.Interval;
import io.chatpulse.metrics.report.ReportParams;
import io.chatpulse.metrics.report.ReportProperties;
import io.chatpulse.metrics.report.ReportQuery;
import io.chatpulse.metrics.report.ReportRepository;
import io.chatpulse.metrics.report.ReportService;
import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Times the 30-day agent report (and the summary and a daily series) over a generated tenant of
 * 1,000,000 conversations and 10,000,000 messages, and 200 agents online 8 hours a day (rows of
 * every KPI table, made inside the engine from numbers()), on a ClickHouse engine from local-stack or the one CLICKHOUSE_URL names.
 * Three times over: as inserted (while the engine merges the new parts), after the engine's own
 * background merges have stopped, and after OPTIMIZE FINAL (one part per partition). Its own
 * engine's data (under metrics-api/target, about 850 MB) is removed when the run succeeds.
 *
 * <pre>
 * ./chatpulse bench report [conversations, default 1000000] [runs, default 5]
 * </pre>
 */
public final class ReportBenchmark {

    private static final String TENANT = "bench";
    private static final long START_MS = 1_772_323_200_000L; // 2026-03-01T00:00:00Z
    private static final long PERIOD_MS = 30L * 24 * 3600 * 1000;
    private static final long MINUTES = PERIOD_MS / 60_000;

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long conversations = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        String url = System.getenv("CLICKHOUSE_URL");
        if (url != null && !url.isBlank()) {
            run(url, conversations, runs);
            return;
        }
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "bench-");
        try (ClickHouseServer server = ClickHouseServer.start(dir.resolve("clickhouse"))) {
            run(server.jdbcUrl(), conversations, runs);
        }
        // Kept when the run failed (the engine's log is in it); otherwise it is only generated rows.
        FileSystemUtils.deleteRecursively(dir);
        System.out.println("removed the generated data in " + dir);
    }

    private static void run(String url, long conversations, int runs) throws Exception {
        ClickHouseMigrations.apply(url, "default", "");
        long t0 = System.nanoTime();
        long rows = generate(url, conversations);
        System.out.printf("generated %,d rows (%,d conversations, %,d messages) in %.1f s%n", rows, conversations,
                conversations * 10, (System.nanoTime() - t0) / 1e9);
        System.out.printf("-- as inserted (several parts per partition: FINAL merges them at read time), "
                + "while the engine still merges them in the background (active parts: %s; merges running: %d)%n",
                parts(url), merges(url));
        time(url, runs);
        t0 = System.nanoTime();
        awaitBackgroundMerges(url);
        System.out.printf("-- after the engine's background merges, no OPTIMIZE (waited %.1f s; active parts: %s)%n",
                (System.nanoTime() - t0) / 1e9, parts(url));
        time(url, runs);
        t0 = System.nanoTime();
        merge(url);
        System.out.printf("-- after merging the parts with OPTIMIZE FINAL (one part per partition; it took %.1f s)%n",
                (System.nanoTime() - t0) / 1e9);
        time(url, runs);
    }

    private static void time(String url, int runs) {
        // A pool as metrics-api runs with (application.yml): a new connection per query would time the handshake.
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("default");
        dataSource.addDataSourceProperty("password", "");
        dataSource.setAutoCommit(true);
        ReportProperties reportProperties = new ReportProperties(null, null, null, null, null, null);
        ReportRepository repository = new ReportRepository(JdbcClient.create(dataSource), reportProperties);
        QaRepository qa = new QaRepository(JdbcClient.create(dataSource), new JdbcTemplate(dataSource), reportProperties);
        ReportService service = new ReportService(repository, qa, reportProperties);
        ReportQuery query = service.query(new Tenant(TENANT), new ReportParams("2026-03-01T00:00:00Z",
                "2026-03-31T00:00:00Z", "Europe/Berlin", null, null, null, null, null, null));
        report("agent report, 30 days", runs, () -> service.agents(query).agents().size() + " agents");
        report("summary, 30 days", runs, () -> service.summary(query).kpis().queueWait().count() + " answered");
        report("daily series, 30 days", runs, () -> service.series(query, Interval.DAY).buckets().size() + " buckets");
        repository.destroy();
        dataSource.close();
    }

    private static void report(String what, int runs, Supplier<String> call) {
        String result = call.get(); // warm-up
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            call.get();
            nanos.add(System.nanoTime() - t0);
        }
        Collections.sort(nanos);
        System.out.printf("%-24s %s; %d runs: min %.3f s, median %.3f s, max %.3f s%n", what, result, runs,
                nanos.get(0) / 1e9, Percentiles.nearestRank(nanos, 0.5) / 1e9, nanos.get(nanos.size() - 1) / 1e9);
    }

    /**
     * Until no merge has run for 10 s in a row (at most 10 minutes): the parts the engine's own merge
     * selector leaves, which is what a report reads on a live system between inserts. It does not
     * merge everything: parts of similar size wait for more of their kind.
     */
    private static void awaitBackgroundMerges(String url) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        int quietSeconds = 0;
        while (quietSeconds < 10 && System.nanoTime() < deadline) {
            Thread.sleep(1000);
            quietSeconds = merges(url) == 0 ? quietSeconds + 1 : 0;
        }
    }

    private static long merges(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "default", "");
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count() FROM system.merges WHERE database = 'default'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String parts(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "default", "");
             Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT arrayStringConcat(groupArray(concat(table, ' ', toString(n))), ', ') "
                     + "FROM (SELECT table, count() AS n FROM system.parts WHERE active AND database = 'default' "
                     + "AND table IN ('" + String.join("', '", TABLES) + "') GROUP BY table ORDER BY table)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void merge(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "default", "");
             Statement st = connection.createStatement()) {
            for (String table : TABLES) {
                st.execute("OPTIMIZE TABLE " + table + " FINAL");
            }
        }
    }

    private static final List<String> TABLES = List.of("queue_waits", "first_responses", "resolutions", "handle_times",
            "csat_ratings", "reply_times", "conversation_activity", "agent_time_minutes");

    /** Rows made inside the engine: conversation n starts at START + n * PERIOD / conversations. */
    private static long generate(String url, long n) throws Exception {
        String base = "SELECT number AS n, toInt64(" + START_MS + " + intDiv(number * " + PERIOD_MS + ", " + n + ")) AS t, "
                + "'bench' AS tenant, concat('q-', toString(number % 10)) AS queue, concat('a-', toString(number % 200)) AS agent, "
                + "concat('c-', toString(number)) AS conv, cityHash64(number) AS h FROM numbers(" + n + ")";
        List<String> inserts = List.of(
                "INSERT INTO queue_waits SELECT tenant, queue, conv, fromUnixTimestamp64Milli(t), "
                        + "fromUnixTimestamp64Milli(t + toInt64(h % 120000)), if(n % 20 = 0, 'abandoned', 'answered'), "
                        + "if(n % 20 = 0, '', agent), h % 120000 FROM (" + base + ")",
                "INSERT INTO first_responses SELECT tenant, queue, conv, agent, fromUnixTimestamp64Milli(t + 120000), "
                        + "fromUnixTimestamp64Milli(t + 120000 + toInt64(h % 300000)), h % 300000, h % 300000 FROM (" + base + ")",
                "INSERT INTO resolutions SELECT tenant, queue, conv, agent, 'agent', fromUnixTimestamp64Milli(t), "
                        + "fromUnixTimestamp64Milli(t + 1800000 + toInt64(h % 3600000)), 1800000 + h % 3600000, n % 10 = 0, 1800000 + h % 3600000 FROM (" + base + ")",
                "INSERT INTO handle_times SELECT tenant, queue, conv, agent, fromUnixTimestamp64Milli(t + 120000), "
                        + "fromUnixTimestamp64Milli(t + 1800000 + toInt64(h % 3600000)), 'resolved', 1680000 + h % 3600000 FROM (" + base + ")",
                "INSERT INTO csat_ratings SELECT tenant, queue, conv, agent, fromUnixTimestamp64Milli(t + 7200000), "
                        + "1 + h % 5, '' FROM (" + base + ") WHERE n % 3 = 0",
                // Four replies per conversation (from 4 of its 5 customer messages).
                "INSERT INTO reply_times SELECT tenant, queue, conv, agent, fromUnixTimestamp64Milli(t + k * 300000), "
                        + "fromUnixTimestamp64Milli(t + k * 300000 + toInt64((h + k) % 90000)), (h + k) % 90000, (h + k) % 90000 "
                        + "FROM (" + base + ") ARRAY JOIN [1, 2, 3, 4] AS k",
                // Steps: opened, assigned, resolved, survey offered, and 10 messages (5 in, 4 agent, 1 bot).
                "INSERT INTO conversation_activity SELECT tenant, queue, conv, concat(conv, '-', toString(k)), "
                        + "multiIf(k = 0, 'opened', k = 1, 'assigned', k = 2, 'resolved', k = 3, 'survey_offered', "
                        + "k < 9, 'customer_message', k < 13, 'agent_message', 'bot_message'), "
                        + "if(k = 0 OR (k >= 4 AND k < 9) OR k = 13, '', agent), fromUnixTimestamp64Milli(t + k * 60000) "
                        + "FROM (" + base + ") ARRAY JOIN range(14) AS k",
                // Each of the 200 agents online 8 hours a day, in one of three shifts: 2,880,000 minutes.
                "INSERT INTO agent_time_minutes SELECT 'bench', concat('a-', toString(number % 200)), "
                        + "toDateTime(intDiv(" + START_MS + ", 1000) + intDiv(number, 200) * 60, 'UTC'), 60000, "
                        + "cityHash64(number) % 60001, cityHash64(number) % 180001 FROM numbers(" + 200 * MINUTES + ") "
                        + "WHERE intDiv(intDiv(number, 200) % 1440, 480) = number % 200 % 3");
        try (Connection connection = DriverManager.getConnection(url, "default", "");
             Statement st = connection.createStatement()) {
            // Generating again into the same engine writes the same keys: ReplacingMergeTree keeps one of each.
            for (String insert : inserts) {
                long t0 = System.nanoTime();
                st.execute(insert);
                System.out.printf("  %-28s %.1f s%n", insert.substring(12, insert.indexOf(' ', 12)),
                        (System.nanoTime() - t0) / 1e9);
            }
            long rows = 0;
            try (ResultSet rs = st.executeQuery("SELECT sum(rows) FROM system.parts WHERE active AND database = 'default' "
                    + "AND table IN ('" + String.join("', '", TABLES) + "')")) {
                rs.next();
                rows = rs.getLong(1);
            }
            return rows;
        }
    }
}
