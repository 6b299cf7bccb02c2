package io.chatpulse.localstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.schema.ClickHouseMigrations;
import io.chatpulse.schema.Migration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 35 on a real engine. A database migrated by the release before it (its V001-V048 and V060
 * with the views inside them, kept as released under test resources released-schema/v048-v060)
 * upgrades in one step: no migration runs again, the edited files' released checksums are
 * accepted, and R__views.sql replaces every view. Every view gives the same rows before and after,
 * and the same as a database made fresh from the new files over the same rows.
 */
class ViewsUpgradeTest {

    private static final String RELEASED = "/released-schema/v048-v060/";

    /** Base tables: the tables filled by materialized views get their rows from these. */
    private static final List<String> TABLES = List.of("queue_waits", "first_responses", "reply_times", "resolutions",
            "handle_times", "csat_ratings", "conversation_activity", "agent_time_minutes", "conversation_channels",
            "queue_live_state", "queue_live_history", "alert_history", "message_topics", "conversation_topics");

    /** Every parameter any view takes: a view ignores the ones it does not use. */
    private static final String ARGS = "(tenant = 'acme', from = '2026-11-01 00:00:00', to = '2027-01-01 00:00:00',"
            + " tz = 'Europe/Berlin', bucket = 'day', by_agent = true, by_queue = false, queue = '', agent = '',"
            + " channel = '', reason = '', answer_within_ms = 30000, short_abandon_ms = 5000, interval_s = 3600,"
            + " figure = 'reply_time', over = -1, under = 9223372036854775807)";

    @TempDir
    Path dir;

    @Test
    void aDatabaseOfTheReleaseBeforeKeepsEveryFigureWithItsViewsReplaced() throws Exception {
        try (ClickHouseServer server = ClickHouseServer.start(dir);
             Connection released = DriverManager.getConnection(server.jdbcUrl(), "default", "");
             Statement st = released.createStatement()) {
            applyAsReleased(released);
            for (String table : TABLES) {
                fill(st, table);
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, List<String>> before = figures(st, views(st), columns);
            assertThat(before).hasSize(39).allSatisfy((view, rows) -> assertThat(rows).as(view).isNotEmpty());

            // The release's tables stay as they are: only migrations newer than its last (V060) run, then the views.
            List<String> applied = ClickHouseMigrations.apply(released);
            assertThat(applied).last().isEqualTo("R__views.sql");
            assertThat(applied.subList(0, applied.size() - 1))
                    .allSatisfy(file -> assertThat(Integer.parseInt(file.substring(1, 4))).as(file).isGreaterThan(60));

            assertThat(figures(st, columns.keySet(), columns)).isEqualTo(before);
            assertThat(views(st)).containsAll(before.keySet());
            assertThat(scalar(st, "SELECT create_table_query FROM system.tables WHERE database = currentDatabase()"
                    + " AND name = 'first_response_summary'")).as("the summary reads the report view").contains("report_first_responses(");
            assertThat(ClickHouseMigrations.apply(released)).as("nothing changed, nothing applied").isEmpty();

            st.execute("CREATE DATABASE fresh");
            try (Connection fresh = DriverManager.getConnection(server.jdbcUrl().replace("/default", "/fresh"), "default", "");
                 Statement freshSt = fresh.createStatement()) {
                assertThat(ClickHouseMigrations.apply(fresh)).endsWith("R__views.sql");
                for (String table : TABLES) {
                    freshSt.execute("INSERT INTO " + table + " SELECT * FROM default." + table);
                }
                assertThat(figures(freshSt, columns.keySet(), columns)).isEqualTo(before);

                // The views are applied again once their file differs from the one applied last; an
                // edited versioned migration is refused as before.
                freshSt.execute("INSERT INTO chatpulse_schema_migrations (version, file_name, checksum)"
                        + " VALUES (0, 'R__views.sql', 'the file of an older release')");
                assertThat(ClickHouseMigrations.apply(fresh)).containsExactly("R__views.sql");
                assertThat(ClickHouseMigrations.apply(fresh)).isEmpty();
                freshSt.execute("INSERT INTO chatpulse_schema_migrations (version, file_name, checksum)"
                        + " VALUES (1, 'V001__conversation_kpis.sql', 'an edited file')");
                assertThatThrownBy(() -> ClickHouseMigrations.apply(fresh))
                        .hasMessageContaining("V001__conversation_kpis.sql was changed after it was applied");
            }
        }
    }

    /** What the runner of that release did: each file in order, each recorded with its checksum. */
    private static void applyAsReleased(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS chatpulse_schema_migrations (version UInt32, file_name String,"
                    + " checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)) ENGINE = MergeTree ORDER BY version");
            for (String line : resource("INDEX").split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Migration migration = Migration.of(line.strip(), resource(line.strip()));
                for (String statement : migration.statements()) {
                    st.execute(statement);
                }
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO chatpulse_schema_migrations (version, file_name, checksum) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.fileName());
                    insert.setString(3, migration.checksum());
                    insert.executeUpdate();
                }
            }
        }
    }

    /**
     * 600 random rows of two tenants, with the ids, times, durations and rates a view filters,
     * groups or averages drawn from small sets and November and December 2026, so the views have
     * rows to agree on.
     */
    private static void fill(Statement st, String table) throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        try (ResultSet rs = st.executeQuery("SELECT name, type FROM system.columns WHERE database = currentDatabase()"
                + " AND table = '" + table + "' ORDER BY position")) {
            while (rs.next()) {
                types.put(rs.getString(1), rs.getString(2));
            }
        }
        List<String> replaced = new ArrayList<>();
        types.forEach((name, type) -> {
            String value = table.equals("queue_live_history") && type.contains("DateTime64")
                    ? "now64(3) - toIntervalSecond(n * 7)" // within its TTL of a day, so no merge drops it
                    : value(name, type);
            if (value != null) {
                replaced.add(value + " AS " + name);
            }
        });
        String structure = types.entrySet().stream().map(c -> "`" + c.getKey() + "` " + c.getValue())
                .reduce((a, b) -> a + ", " + b).orElseThrow();
        st.execute("INSERT INTO " + table + " SELECT * EXCEPT (n) REPLACE (" + String.join(", ", replaced) + ") FROM"
                + " (SELECT *, rowNumberInAllBlocks() AS n FROM generateRandom('" + structure.replace("'", "\\'")
                + "', 35, 8, 2) LIMIT 600)");
    }

    /** The value of a column that views filter or group by, from the row number n; null: random. */
    private static String value(String name, String type) {
        String period = "(n * 7919 + " + Math.abs(name.hashCode() % 1000) + ") % 5184000";
        return switch (name) {
            case "tenant_id" -> "['acme', 'acme', 'globex'][n % 3 + 1]";
            case "queue_id" -> "['', 'billing', 'tech'][n % 3 + 1]";
            case "agent_id" -> "['', 'a1', 'a2', 'a3'][n % 4 + 1]";
            case "conversation_id" -> "'c' || toString(n % 200)";
            case "channel" -> "['WEB', 'APP'][n % 2 + 1]";
            case "topic" -> "['refund', 'login', 'delivery'][n % 3 + 1]";
            case "rating" -> "toUInt8(n % 5 + 1)";
            case "forecast_model" -> "['', 'erlang_a', 'erlang_c'][n % 3 + 1]";
            default -> type.contains("DateTime64") ? "toDateTime64('2026-11-01 00:00:00', 3, 'UTC') + toIntervalSecond(" + period + ")"
                    : type.contains("DateTime") ? "toStartOfMinute(toDateTime('2026-11-01 00:00:00', 'UTC') + " + period + ")"
                    : name.endsWith("_ms") && type.contains("Int") ? "(n * 104729) % 600000"
                    : type.contains("Float") ? "((n * 31) % 97) / 8"
                    : null;
        };
    }

    private static List<String> views(Statement st) throws SQLException {
        List<String> views = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT name FROM system.tables WHERE database = currentDatabase()"
                + " AND engine = 'View' ORDER BY name")) {
            while (rs.next()) {
                views.add(rs.getString(1));
            }
        }
        return views;
    }

    /**
     * Each view's rows, sorted, as text: the columns it had the first time (a view may have more
     * now), averages rounded to 6 decimals (rows summed in another order may differ in the last bit),
     * and not the freshness lag, which grows with the clock.
     */
    private static Map<String, List<String>> figures(Statement st, Iterable<String> views,
                                                     Map<String, List<String>> columns) throws SQLException {
        Map<String, List<String>> figures = new LinkedHashMap<>();
        for (String view : views) {
            boolean parameterized = scalar(st, "SELECT create_table_query FROM system.tables"
                    + " WHERE database = currentDatabase() AND name = '" + view + "'").contains("{");
            String select = columns.containsKey(view) ? String.join(", ", columns.get(view)) : "*";
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT " + select + " FROM " + view + (parameterized ? ARGS : ""))) {
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    names.add(rs.getMetaData().getColumnName(i));
                }
                names.remove("lag_ms");
                columns.putIfAbsent(view, names);
                while (rs.next()) {
                    StringBuilder row = new StringBuilder();
                    for (String name : names) {
                        Object value = rs.getObject(name);
                        row.append(value instanceof Double d ? String.format("%.6f", d) : String.valueOf(value)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
            rows.sort(null);
            figures.put(view, rows);
        }
        return figures;
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ViewsUpgradeTest.class.getResourceAsStream(RELEASED + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
