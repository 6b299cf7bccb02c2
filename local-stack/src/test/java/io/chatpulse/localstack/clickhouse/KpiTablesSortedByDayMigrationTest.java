package io.chatpulse.localstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V046 rebuilds the KPI tables with the day first in their sort keys and agent_id LowCardinality:
 * every row survives, duplicates still collapse.
 */
class KpiTablesSortedByDayMigrationTest {

    /** Each KPI table and the time its figures are filed under. */
    private static final Map<String, String> TIME_COLUMNS = Map.of("queue_waits", "ended_at",
            "first_responses", "responded_at", "reply_times", "replied_at", "resolutions", "resolved_at",
            "handle_times", "ended_at", "csat_ratings", "submitted_at", "conversation_activity", "at",
            "agent_time_minutes", "minute");

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryRowAndTheDeduplicationOfEachKpiTable() throws Exception {
        try (ClickHouseServer server = ClickHouseServer.start(dataDir);
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), "default", "");
             Statement st = connection.createStatement()) {
            ClickHouseMigrations.apply(connection, 45);
            Map<String, String> before = new HashMap<>();
            for (String table : TIME_COLUMNS.keySet()) {
                fillWithRandomRowsAndDuplicates(st, table);
                before.put(table, contents(st, table));
            }
            // A copy left over by an interrupted run of V046 is dropped and made again.
            st.execute("CREATE TABLE reply_times_v046 AS reply_times");
            st.execute("INSERT INTO reply_times_v046 SELECT * FROM reply_times LIMIT 3");

            assertThat(ClickHouseMigrations.apply(connection)).contains("V046__kpi_tables_sorted_by_day.sql");

            for (var table : TIME_COLUMNS.entrySet()) {
                assertThat(contents(st, table.getKey())).as(table.getKey()).isEqualTo(before.get(table.getKey()));
                assertThat(scalar(st, "SELECT sorting_key FROM system.tables WHERE database = currentDatabase() "
                        + "AND name = '" + table.getKey() + "'")).startsWith("tenant_id, toDate(" + table.getValue() + ")");
                assertThat(scalar(st, "SELECT type FROM system.columns WHERE database = currentDatabase() "
                        + "AND table = '" + table.getKey() + "' AND name = 'agent_id'")).isEqualTo("LowCardinality(String)");
                st.execute("OPTIMIZE TABLE " + table.getKey() + " FINAL");
                assertThat(scalar(st, "SELECT count() FROM " + table.getKey()))
                        .as("duplicates of %s collapse on merge, as before", table.getKey())
                        .isEqualTo(scalar(st, "SELECT count() FROM " + table.getKey() + " FINAL"));
            }
            assertThat(scalar(st, "SELECT count() FROM system.tables WHERE name LIKE '%\\\\_v046'")).isEqualTo("0");
        }
    }

    /** 40 random rows (in at most 40 monthly partitions), then 10 of them again. */
    private static void fillWithRandomRowsAndDuplicates(Statement st, String table) throws SQLException {
        String structure = scalar(st, "SELECT arrayStringConcat(groupArray(concat('`', name, '` ', type)), ', ') "
                + "FROM system.columns WHERE database = currentDatabase() AND table = '" + table + "'");
        st.execute("INSERT INTO " + table + " SELECT * FROM generateRandom('" + structure.replace("'", "\\'")
                + "', 46, 12, 2) LIMIT 40");
        st.execute("INSERT INTO " + table + " SELECT * FROM " + table + " LIMIT 10");
        assertThat(Long.parseLong(scalar(st, "SELECT count() FROM " + table))).isEqualTo(50);
    }

    /** The rows FINAL reads, as one order-independent checksum with their count. */
    private static String contents(Statement st, String table) throws SQLException {
        return scalar(st, "SELECT concat(toString(count()), ' ', toString(groupBitXor(cityHash64(*)))) FROM "
                + table + " FINAL");
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
