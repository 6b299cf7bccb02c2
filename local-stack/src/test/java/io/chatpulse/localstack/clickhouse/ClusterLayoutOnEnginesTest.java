package io.chatpulse.localstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.schema.ClickHouseMigrations;
import io.chatpulse.schema.ClusterDdlCommand;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations laid out for a cluster (decision 17) on real engines. Every statement parses as
 * emitted. Then as far as chDB goes: it runs no Keeper, so no Replicated table takes writes and no
 * ON CLUSTER runs; each node gets each DDL itself, with the plain engine under the Replicated one.
 * On two shards over native TCP, every tenant's figures are then those of one node, also after
 * V046 copied and swapped the KPI tables full of rows.
 */
class ClusterLayoutOnEnginesTest {

    private static final String PERIOD = "from = '2026-12-01 00:00:00', to = '2026-12-08 00:00:00'";
    private static final List<String> FIGURES = List.of(
            "queue_wait_summary(tenant = '%s', " + PERIOD + ")",
            "agent_activity_summary(tenant = '%s', " + PERIOD + ")",
            "report_queue_waits(tenant = '%s', " + PERIOD + ", queue = '', agent = '', channel = 'WEB', reason = '',"
                    + " tz = 'Europe/Berlin', bucket = 'day', by_agent = true, by_queue = false,"
                    + " answer_within_ms = 20000, short_abandon_ms = 5000)",
            "report_figure_rows(tenant = '%s', " + PERIOD + ", queue = '', agent = '', channel = 'APP', reason = '',"
                    + " figure = 'reply_time', over = -1, under = 9223372036854775807)");

    @TempDir
    Path dir;

    @Test
    void everyStatementParsesAsEmitted() throws Exception {
        try (ClickHouseServer server = ClickHouseServer.start(dir);
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), "default", "");
             Statement st = connection.createStatement()) {
            for (String statement : ClusterDdlCommand.statements(TwoShardCluster.NAME)) {
                st.executeQuery("EXPLAIN AST " + statement).close();
            }
        }
    }

    @Test
    void aDatabaseMigratedForOneNodeRefusesTheClusterLayout() throws Exception {
        try (ClickHouseServer server = ClickHouseServer.start(dir);
             Connection connection = DriverManager.getConnection(server.jdbcUrl(), "default", "")) {
            ClickHouseMigrations.apply(connection);

            assertThatThrownBy(() -> ClickHouseMigrations.applyOnCluster(connection, TwoShardCluster.NAME))
                    .hasMessageContaining("migrated for a single node");
        }
    }

    @Test
    void twoShardsGiveEveryTenantTheFiguresOfOneNode() throws Exception {
        try (ClickHouseServer single = ClickHouseServer.start(dir.resolve("single"));
             TwoShardCluster cluster = TwoShardCluster.start(dir.resolve("cluster"));
             Connection oneNode = DriverManager.getConnection(single.jdbcUrl(), "default", "");
             Connection shard1 = DriverManager.getConnection(cluster.jdbcUrl(1), "default", "");
             Connection shard2 = DriverManager.getConnection(cluster.jdbcUrl(2), "default", "")) {
            // Filled before V046, so that its copy and swap of every KPI table moves rows on each shard.
            List<String> all = ClusterDdlCommand.statements(TwoShardCluster.NAME);
            List<String> fromV046 = ClusterDdlCommand.statements(TwoShardCluster.NAME, 46);
            ClickHouseMigrations.apply(oneNode, 45);
            applyWithoutKeeper(all.subList(1, all.size() - fromV046.size()), shard1, shard2);
            fill(oneNode);
            fill(shard1);
            ClickHouseMigrations.apply(oneNode);
            applyWithoutKeeper(fromV046, shard1, shard2);
            assertThat(rows(shard2, "SELECT sorting_key FROM system.tables WHERE name = 'queue_waits_local'"))
                    .singleElement().asString().startsWith("tenant_id, toDate(ended_at)");
            assertThat(rows(shard1, "SELECT type FROM system.columns WHERE table = 'queue_waits' AND name = 'agent_id'"))
                    .as("the Distributed table made again over the swapped local table").containsExactly("LowCardinality(String)|");

            Map<String, Long> shardOfTenant = shardOfEachTenant(shard1);
            assertThat(shardOfTenant.values()).as("both shards hold tenants").contains(1L, 2L);
            for (String tenant : shardOfTenant.keySet()) {
                for (String figure : FIGURES) {
                    String sql = "SELECT * FROM " + figure.formatted(tenant) + " ORDER BY ALL";
                    assertThat(rows(shard1, sql)).as(sql).isNotEmpty().isEqualTo(rows(oneNode, sql));
                }
            }

            // A tenant's report asks its own shard only, so it is answered while the other is down.
            cluster.stop(2);
            assertThatThrownBy(() -> rows(shard1, "SELECT count() FROM queue_waits")).isInstanceOf(SQLException.class);
            for (var tenant : shardOfTenant.entrySet()) {
                if (tenant.getValue() == 1) {
                    String sql = "SELECT * FROM " + FIGURES.get(0).formatted(tenant.getKey()) + " ORDER BY ALL";
                    assertThat(rows(shard1, sql)).as(sql).isEqualTo(rows(oneNode, sql));
                }
            }
        }
    }

    /** What ON CLUSTER would do, by hand: each DDL on each node; the copy of V046 fans out by itself. */
    private static void applyWithoutKeeper(List<String> statements, Connection... nodes) throws SQLException {
        for (String statement : statements) {
            String plain = statement.replace(" ON CLUSTER " + TwoShardCluster.NAME, "")
                    .replaceAll("Replicated(\\w*MergeTree)\\('[^']*', '[^']*'(, )?", "$1(");
            for (Connection node : statement.startsWith("INSERT") ? List.of(nodes[0]) : List.of(nodes)) {
                try (Statement st = node.createStatement()) {
                    st.execute(plain);
                }
            }
        }
    }

    /** Six tenants' queue waits, reply times, channels and activity, each row written twice (a replay). */
    private static void fill(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (int replay = 0; replay < 2; replay++) {
                st.execute("INSERT INTO queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome,"
                        + " agent_id, wait_ms) SETTINGS distributed_foreground_insert = 1"
                        + " SELECT 't' || toString(number % 6), 'q' || toString(number % 3), 'c' || toString(number),"
                        + " toDateTime64('2026-12-02 08:00:00', 3, 'UTC') + number * 37, toDateTime64('2026-12-02 08:00:00', 3, 'UTC')"
                        + " + number * 37 + (number * 7919) % 40000 / 1000, if(number % 7 = 0, 'abandoned', 'answered'),"
                        + " 'a' || toString(number % 5), (number * 7919) % 40000 FROM numbers(3000)");
                st.execute("INSERT INTO reply_times (tenant_id, queue_id, conversation_id, agent_id, customer_at, replied_at,"
                        + " reply_ms) SETTINGS distributed_foreground_insert = 1"
                        + " SELECT 't' || toString(number % 6), 'q' || toString(number % 3), 'c' || toString(number % 3000),"
                        + " 'a' || toString(number % 5), toDateTime64('2026-12-03 09:00:00', 3, 'UTC') + number * 11,"
                        + " toDateTime64('2026-12-03 09:00:00', 3, 'UTC') + number * 11 + (number * 104729) % 90000 / 1000,"
                        + " (number * 104729) % 90000 FROM numbers(6000)");
                st.execute("INSERT INTO conversation_channels SETTINGS distributed_foreground_insert = 1"
                        + " SELECT 't' || toString(number % 6), 'c' || toString(number), if(number % 5 = 0, 'APP', 'WEB'),"
                        + " toDateTime64('2026-12-02 08:00:00', 3, 'UTC') FROM numbers(3000)");
                st.execute("INSERT INTO conversation_activity (tenant_id, queue_id, conversation_id, event_id, kind, agent_id, at)"
                        + " SETTINGS distributed_foreground_insert = 1"
                        + " SELECT 't' || toString(number % 6), 'q1', 'c' || toString(number % 3000), 'e' || toString(number),"
                        + " ['assigned', 'agent_message', 'resolved', 'transferred'][number % 4 + 1], 'a' || toString(number % 5),"
                        + " toDateTime64('2026-12-04 10:00:00', 3, 'UTC') + number FROM numbers(8000)");
            }
        }
    }

    /** The shard that holds each tenant's queue waits; fails if a tenant's rows are on two. */
    private static Map<String, Long> shardOfEachTenant(Connection connection) throws SQLException {
        Map<String, Long> shards = new TreeMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT tenant_id, uniqExact(shardNum()), any(shardNum()) FROM queue_waits"
                     + " GROUP BY tenant_id")) {
            while (rs.next()) {
                assertThat(rs.getInt(2)).as("shards of tenant %s", rs.getString(1)).isEqualTo(1);
                shards.put(rs.getString(1), rs.getLong(3));
            }
        }
        return shards;
    }

    /** Each row as text; averages rounded, since rows summed in another order may differ in the last bit. */
    private static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rs.getObject(i);
                    row.append(value instanceof Double d ? String.format("%.6f", d) : String.valueOf(value)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
