package io.chatpulse.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatpulse.dashboards.grafana.MacroExpander.TimeRange;
import io.chatpulse.dashboards.grafana.MacroExpander.Variable;
import io.chatpulse.dashboards.grafana.Provisioning.Dashboard;
import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs every panel's and every variable's SQL, expanded as Grafana and the plugin would, against
 * a real ClickHouse engine (chDB from local-stack) with the project's migrations and known rows.
 */
class PanelQueriesTest {

    /** The columns each panel must return, by dashboard uid and panel title: a new panel needs a line here. */
    private static final Map<String, List<String>> EXPECTED_COLUMNS = Map.of(
            "chatpulse-supervisor/Queue wait per queue", List.of("queue", "count", "median_ms", "p90_ms", "p99_ms", "mean_ms"),
            "chatpulse-supervisor/First response time per queue", List.of("queue", "count", "median_ms", "p90_ms", "p99_ms", "mean_ms"),
            "chatpulse-supervisor/Queue wait p90", List.of("time", "queue", "p90_ms"),
            "chatpulse-supervisor/First response time p90", List.of("time", "queue", "p90_ms"),
            "chatpulse-supervisor/Wait episodes ended", List.of("time", "answered", "abandoned"));

    private static final TimeRange DAY = new TimeRange(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-02T00:00:00Z"), Duration.ofMinutes(5));

    private static ClickHouseServer clickHouse;
    private static Connection connection;

    @BeforeAll
    static void start() throws Exception {
        Path work = Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(work);
        clickHouse = ClickHouseServer.start(work.resolve("clickhouse"));
        ClickHouseMigrations.apply(clickHouse.jdbcUrl(), "default", "");
        connection = DriverManager.getConnection(clickHouse.jdbcUrl(), "default", "");
        insertRows();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (connection != null) {
            connection.close();
        }
        if (clickHouse != null) {
            clickHouse.close();
        }
    }

    @Test
    void variablesListTheTenantsAndTheTenantsQueues() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");

        assertThat(firstColumn(expand(variable(supervisor, "tenant"), Map.of()))).containsExactly("acme", "globex");
        assertThat(firstColumn(expand(variable(supervisor, "queue"), Map.of("tenant", Variable.of("tenant", "acme")))))
                .containsExactly("billing", "sales");
    }

    @Test
    void everyPanelRunsWithAllQueuesAndReturnsItsColumnsAndRows() throws SQLException {
        Map<String, Variable> all = Map.of("tenant", Variable.of("tenant", "acme"),
                "queue", Variable.all("queue", List.of("billing", "sales")));
        List<String> checked = new ArrayList<>();
        for (Dashboard dashboard : Provisioning.dashboards()) {
            for (JsonNode panel : dashboard.panels()) {
                String name = dashboard.uid() + "/" + panel.path("title").asString();
                assertThat(EXPECTED_COLUMNS).as("expected columns of " + name).containsKey(name);
                for (JsonNode target : panel.path("targets")) {
                    Result result = run(MacroExpander.expand(target.path("rawSql").asString(), DAY, all));
                    assertThat(result.columns()).as(name).isEqualTo(EXPECTED_COLUMNS.get(name));
                    assertThat(result.rows()).as(name + " rows").isNotEmpty();
                }
                checked.add(name);
            }
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(EXPECTED_COLUMNS.keySet());
    }

    @Test
    void summaryPanelsShowTheViewsFiguresForTheSelectedTenantAndQueue() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        Map<String, Variable> billing = Map.of("tenant", Variable.of("tenant", "acme"), "queue", Variable.of("queue", "billing"));

        Result waits = run(MacroExpander.expand(panelSql(supervisor, "Queue wait per queue"), DAY, billing));
        // acme billing waits 10, 20, 30 s (globex's 999 s and the abandoned wait are not in it):
        // median 20000, p90 at position 1.8 -> 20000 + 0.8 * 10000 = 28000.
        assertThat(waits.rows()).hasSize(1);
        List<String> row = waits.rows().get(0);
        assertThat(row.subList(0, 2)).containsExactly("billing", "3");
        assertThat(Double.parseDouble(row.get(2))).isCloseTo(20000, within(1e-6));
        assertThat(Double.parseDouble(row.get(3))).isCloseTo(28000, within(1e-6));

        Result series = run(MacroExpander.expand(panelSql(supervisor, "Queue wait p90"), DAY, billing));
        assertThat(series.rows()).extracting(r -> r.get(1)).containsOnly("billing");
    }

    @Test
    void timeSeriesUsesTheIntervalBuckets() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        Map<String, Variable> all = Map.of("tenant", Variable.of("tenant", "acme"),
                "queue", Variable.all("queue", List.of("billing", "sales")));

        Result hourly = run(MacroExpander.expand(panelSql(supervisor, "Wait episodes ended"),
                new TimeRange(DAY.from(), DAY.to(), Duration.ofHours(1)), all));

        // Waits ended at 10:00:10, 10:00:20 (billing), 10:30 (sales, abandoned), 11:00:30 (billing), 12:00:05 (sales).
        assertThat(hourly.rows()).extracting(row -> row.subList(1, 3)).containsExactly(
                List.of("2", "1"), List.of("1", "0"), List.of("1", "0"));
    }

    private record Result(List<String> columns, List<List<String>> rows) {
    }

    private static Result run(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnLabel(i));
            }
            List<List<String>> rows = new ArrayList<>();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return new Result(columns, rows);
        } catch (SQLException e) {
            throw new SQLException("query failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    private static List<String> firstColumn(String sql) throws SQLException {
        return run(sql).rows().stream().map(row -> row.get(0)).toList();
    }

    private static String expand(String sql, Map<String, Variable> variables) {
        return MacroExpander.expand(sql, DAY, variables);
    }

    private static Dashboard dashboard(String uid) {
        return Provisioning.dashboards().stream().filter(d -> d.uid().equals(uid)).findFirst().orElseThrow();
    }

    private static String variable(Dashboard dashboard, String name) {
        return dashboard.variables().stream().filter(v -> v.path("name").asString().equals(name))
                .map(Provisioning::variableSql).findFirst().orElseThrow();
    }

    private static String panelSql(Dashboard dashboard, String title) {
        return dashboard.panels().stream().filter(p -> p.path("title").asString().equals(title))
                .map(p -> p.path("targets").get(0).path("rawSql").asString()).findFirst().orElseThrow();
    }

    private static void insertRows() throws SQLException {
        Map<String, String> inserts = new LinkedHashMap<>();
        inserts.put("queue_waits", """
                INSERT INTO queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms) VALUES
                ('acme', 'billing', 'c-1', '2026-03-01 10:00:00.000', '2026-03-01 10:00:10.000', 'answered', 'a-1', 10000),
                ('acme', 'billing', 'c-2', '2026-03-01 10:00:00.000', '2026-03-01 10:00:20.000', 'answered', 'a-2', 20000),
                ('acme', 'billing', 'c-3', '2026-03-01 11:00:00.000', '2026-03-01 11:00:30.000', 'answered', 'a-1', 30000),
                ('acme', 'sales',   'c-4', '2026-03-01 10:29:00.000', '2026-03-01 10:30:00.000', 'abandoned', '', 60000),
                ('acme', 'sales',   'c-5', '2026-03-01 12:00:00.000', '2026-03-01 12:00:05.000', 'answered', 'a-3', 5000),
                ('globex', 'billing', 'g-1', '2026-03-01 10:00:00.000', '2026-03-01 10:16:39.000', 'answered', 'g-a', 999000)""");
        inserts.put("first_responses", """
                INSERT INTO first_responses (tenant_id, queue_id, conversation_id, agent_id, started_at, responded_at, frt_ms) VALUES
                ('acme', 'billing', 'c-1', 'a-1', '2026-03-01 10:00:10.000', '2026-03-01 10:00:13.000', 3000),
                ('acme', 'sales',   'c-5', 'a-3', '2026-03-01 12:00:05.000', '2026-03-01 12:00:12.000', 7000),
                ('globex', 'billing', 'g-1', 'g-a', '2026-03-01 10:16:39.000', '2026-03-01 10:16:40.000', 1000)""");
        try (Statement st = connection.createStatement()) {
            for (String insert : inserts.values()) {
                st.execute(insert);
            }
        }
    }
}
