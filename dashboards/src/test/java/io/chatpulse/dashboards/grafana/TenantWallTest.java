package io.chatpulse.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.dashboards.grafana.MacroExpander.TimeRange;
import io.chatpulse.dashboards.grafana.Provisioning.Dashboard;
import io.chatpulse.schema.tenant.TenantReader;
import io.chatpulse.schema.tenant.TenantReaders;
import io.chatpulse.schema.tenant.TenantTables;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The wall between tenants is in ClickHouse: demo's reader, the user of demo's Grafana datasource,
 * runs every panel and a set of hostile queries, and sees nothing of rival, whose rows are demo's
 * with every number multiplied by 7, and cannot write.
 */
class TenantWallTest {

    private static final String DEMO = SimulatedDay.TENANT;
    /** Not a word in any column name or comment ("rival" is in "arrivals_per_hour"). */
    private static final String RIVAL = "rivalco";
    private static final TimeRange RECENT = new TimeRange(SimulatedDay.END.minus(Duration.ofHours(24)),
            SimulatedDay.END.plus(Duration.ofMinutes(1)), Duration.ofMinutes(5));
    private static final String PERIOD = "from = fromUnixTimestamp64Milli(" + RECENT.from().toEpochMilli()
            + "), to = fromUnixTimestamp64Milli(" + RECENT.to().toEpochMilli() + ")";

    private static TenantEngine engine;
    /** Every panel as demo's reader before rival's rows were written. */
    private static Map<String, PanelRun> panelsBeforeRival;

    @BeforeAll
    static void start() throws Exception {
        engine = TenantEngine.start(SimulatedDay.play()::insertInto, DEMO, RIVAL);
        panelsBeforeRival = everyPanelAsDemo();
        copyDemoAsRival(engine.admin());
    }

    @AfterAll
    static void stop() throws SQLException {
        if (engine != null) {
            engine.close();
        }
    }

    /** If rival's rows reached a panel, its maxima, counts or tenant column would change. */
    @Test
    void everyPanelShowsTheSameOnceAnotherTenantWroteBiggerFigures() throws SQLException {
        Map<String, PanelRun> after = everyPanelAsDemo();

        assertThat(after.keySet()).containsExactlyElementsOf(panelsBeforeRival.keySet());
        for (Map.Entry<String, PanelRun> panel : after.entrySet()) {
            assertThat(withoutClockColumns(panel.getValue())).as(panel.getKey())
                    .isEqualTo(withoutClockColumns(panelsBeforeRival.get(panel.getKey())));
            assertThat(panel.getValue().rows().toString()).as(panel.getKey()).doesNotContain(RIVAL);
        }
    }

    @Test
    void everyTenantTableShowsEachReaderItsOwnRowsOnly() throws SQLException {
        for (String table : TenantTables.read(engine.admin()).tables()) {
            for (String tenant : List.of(DEMO, RIVAL)) {
                List<List<String>> seen = PanelRun.run(engine.reader(tenant), "SELECT DISTINCT tenant_id FROM " + table).rows();
                List<List<String>> stored = PanelRun.run(engine.admin(),
                        "SELECT DISTINCT tenant_id FROM " + table + " WHERE tenant_id = '" + tenant + "'").rows();
                assertThat(seen).as(tenant + " reading " + table).isEqualTo(stored);
            }
        }
    }

    /** Queries that ask for rival's rows by name run, and get none. */
    @Test
    void readsThatAskForAnotherTenantGetNothingOfIt() throws SQLException {
        List<String> reads = List.of(
                "SELECT * FROM queue_waits WHERE tenant_id = 'rivalco'",
                "SELECT * FROM queue_waits WHERE tenant_id != 'demo' OR 1 = 1",
                "SELECT tenant_id, count() FROM conversation_activity GROUP BY tenant_id",
                "SELECT * FROM queue_wait_summary(tenant = 'rivalco', " + PERIOD + ")",
                "SELECT * FROM report_figure_rows(tenant = 'rivalco', " + PERIOD + ", queue = '', agent = '', channel = '', reason = '',"
                        + " figure = 'csat', over = -1, under = 9223372036854775807)",
                "SELECT * FROM queue_live_now(tenant = 'rivalco')",
                "SELECT * FROM pipeline_freshness",
                "SELECT tenant_id, conversation_id FROM queue_waits WHERE tenant_id = 'demo'"
                        + " UNION ALL SELECT tenant_id, conversation_id FROM first_responses WHERE tenant_id = 'rivalco'",
                "SELECT * FROM (SELECT * FROM alert_history) WHERE tenant_id = 'rivalco'",
                "SELECT a.tenant_id, b.tenant_id FROM queue_waits AS a JOIN queue_waits AS b ON a.tenant_id != b.tenant_id",
                "SELECT * FROM queue_waits WHERE tenant_id IN (SELECT 'rivalco')",
                "SELECT tenant_id FROM merge(currentDatabase(), '^(queue_waits|first_responses|handle_times)$')",
                // merge() skips the tables the reader may not read, and reads the others as the reader.
                "SELECT * FROM merge(currentDatabase(), '^(queue_waits|chatpulse_schema_migrations)$')",
                "SELECT name, create_table_query FROM system.tables WHERE database = currentDatabase()");
        for (String sql : reads) {
            assertThat(PanelRun.run(engine.reader(DEMO), sql).rows().toString()).as(sql).doesNotContain(RIVAL);
        }
    }

    /** Table functions, system tables, tables without tenant_id and settings that would widen a read: refused. */
    @Test
    void readsAroundThePoliciesAreRefused() {
        String engineUrl = engine.server().httpUrl() + "/?query=" + URLEncoder.encode(
                "SELECT * FROM queue_waits WHERE tenant_id = 'rivalco'", StandardCharsets.UTF_8);
        List<String> refused = List.of(
                "SELECT * FROM url('" + engineUrl + "', 'TSV')",
                "SELECT * FROM file('" + engine.server().dataDir() + "/data/**', 'LineAsString')",
                "SELECT * FROM remote('127.0.0.1:" + engine.server().httpPort() + "', default.queue_waits, 'default', '')",
                "SELECT * FROM s3('http://127.0.0.1:" + engine.server().httpPort() + "/chatpulse/leak.tsv', 'TSV')",
                "SELECT * FROM executable('cat', 'TSV', 'x String')",
                "SELECT * FROM system.processes",
                "SELECT * FROM system.query_log",
                "SELECT * FROM system.parts",
                "SELECT * FROM system.users",
                "SELECT * FROM system.row_policies",
                "SELECT * FROM chatpulse_schema_migrations",
                "SELECT * FROM queue_waits SETTINGS additional_table_filters = {'queue_waits': 'tenant_id = \\'rivalco\\''}",
                "SELECT * FROM queue_waits SETTINGS readonly = 0",
                "SELECT * FROM queue_waits SETTINGS readonly = 2");
        List<String> answered = new ArrayList<>();
        for (String sql : refused) {
            try {
                PanelRun.run(engine.reader(DEMO), sql);
                answered.add(sql);
            } catch (SQLException expected) {
                // For the right reason: a missing right or read-only, not a typo in the test.
                assertThat(expected.getMessage()).as(sql).containsAnyOf("ACCESS_DENIED", "READONLY", "UNKNOWN_TABLE");
            }
        }
        assertThat(answered).isEmpty();
    }

    /** Writes, schema changes and rights changes fail, and every table holds what it held. */
    @Test
    void aReaderCannotWriteChangeTheSchemaOrItsRights() throws SQLException {
        Map<String, String> before = rowCounts();
        List<String> writes = List.of(
                "INSERT INTO queue_waits (tenant_id, queue_id, conversation_id) VALUES ('demo', 'billing', 'x-1')",
                "INSERT INTO queue_waits (tenant_id, queue_id, conversation_id) VALUES ('rivalco', 'billing', 'x-1')",
                "INSERT INTO FUNCTION file('leak.tsv', 'TSV') SELECT * FROM queue_waits",
                "ALTER TABLE queue_waits DELETE WHERE 1",
                "ALTER TABLE queue_waits UPDATE wait_ms = 0 WHERE 1",
                "ALTER TABLE queue_waits ADD COLUMN x UInt8",
                "DELETE FROM queue_waits WHERE 1",
                "TRUNCATE TABLE queue_waits",
                "DROP TABLE queue_waits",
                "DROP VIEW queue_wait_summary",
                "RENAME TABLE queue_waits TO queue_waits_gone",
                "OPTIMIZE TABLE queue_waits FINAL",
                "CREATE TABLE stolen ENGINE = Memory AS SELECT * FROM queue_waits",
                "CREATE VIEW everything AS SELECT * FROM queue_waits",
                "CREATE TEMPORARY TABLE scratch (x UInt8)",
                "CREATE ROW POLICY open ON default.queue_waits USING 1 TO demo",
                "DROP ROW POLICY IF EXISTS demo ON default.queue_waits",
                "CREATE USER intruder",
                "GRANT ALL ON *.* TO demo",
                "SET readonly = 0",
                "SYSTEM STOP MERGES default.queue_waits",
                "SYSTEM DROP MARK CACHE",
                "KILL QUERY WHERE 1");
        List<String> accepted = new ArrayList<>();
        for (String sql : writes) {
            try (Connection own = engine.connect(DEMO); Statement st = own.createStatement()) {
                st.execute(sql);
                accepted.add(sql);
            } catch (SQLException refused) {
                // what a reader gets
            }
        }
        assertThat(accepted).isEmpty();
        assertThat(rowCounts()).isEqualTo(before);
    }

    /**
     * SYSTEM STOP MERGES without a table is accepted: the engine skips every table the user has no
     * SYSTEM MERGES right on, which for a reader is all of them. Merges go on.
     */
    @Test
    void aReadersStopMergesStopsNothing() throws SQLException {
        try (Connection demo = engine.connect(DEMO); Statement reader = demo.createStatement();
             Statement admin = engine.admin().createStatement()) {
            admin.execute("CREATE TABLE merge_probe (x UInt8) ENGINE = MergeTree ORDER BY x");
            admin.execute("INSERT INTO merge_probe VALUES (1)");
            admin.execute("INSERT INTO merge_probe VALUES (2)");
            reader.execute("SYSTEM STOP MERGES");
            admin.execute("OPTIMIZE TABLE merge_probe FINAL");
            assertThat(PanelRun.run(engine.admin(), "SELECT count() FROM system.parts WHERE table = 'merge_probe' AND active")
                    .rows()).containsExactly(List.of("1"));
            admin.execute("DROP TABLE merge_probe SYNC");
        }
    }

    /** clickhouse-jdbc keeps a SET for the next queries of its session: the engine still refuses. */
    @Test
    void aSessionSettingCannotLiftReadOnly() throws SQLException {
        try (Connection own = engine.connect(DEMO); Statement st = own.createStatement()) {
            try {
                st.execute("SET readonly = 0");
            } catch (SQLException refused) {
                assertThat(refused.getMessage()).contains("readonly");
            }
            assertThatThrownBy(() -> st.execute("INSERT INTO queue_waits (tenant_id) VALUES ('demo')"))
                    .isInstanceOf(SQLException.class);
        }
    }

    /** Over plain HTTP, as Grafana's plugin talks: basic auth and X-ClickHouse-User name the reader. */
    @Test
    void overHttpTheReaderIsWhoTheCredentialsSay() throws Exception {
        TenantReader demo = engine.readerOf(DEMO);
        String basic = "Basic " + Base64.getEncoder().encodeToString((DEMO + ":" + demo.password()).getBytes(StandardCharsets.UTF_8));
        String everyTenant = "SELECT currentUser(), groupUniqArray(tenant_id) FROM queue_waits FORMAT TSV";

        assertThat(http(everyTenant, "", Map.of("Authorization", basic))).isEqualTo(200 + " demo\t['demo']\n");
        assertThat(http(everyTenant, "", Map.of("X-ClickHouse-User", DEMO, "X-ClickHouse-Key", demo.password())))
                .isEqualTo(200 + " demo\t['demo']\n");
        assertThat(http(everyTenant, "&readonly=0", Map.of("Authorization", basic))).doesNotStartWith("200").contains("READONLY");
        assertThat(http("INSERT INTO queue_waits (tenant_id) VALUES ('demo')", "", Map.of("Authorization", basic)))
                .doesNotStartWith("200");
        assertThat(http(everyTenant, "", Map.of("X-ClickHouse-User", DEMO, "X-ClickHouse-Key", "wrong")))
                .doesNotStartWith("200").contains("AUTHENTICATION_FAILED");
        assertThat(http(everyTenant, "", Map.of("X-ClickHouse-User", RIVAL, "X-ClickHouse-Key", demo.password())))
                .doesNotStartWith("200").contains("AUTHENTICATION_FAILED");
    }

    /** Every table with tenant rows has the reader's policy; a new one without would fail here. */
    @Test
    void everyTenantTableHasEachReadersRowPolicy() throws SQLException {
        TenantTables schema = TenantTables.read(engine.admin());
        assertThat(schema.tables()).contains("queue_waits", "conversation_activity", "alert_history", "queue_live_state");
        for (String tenant : List.of(DEMO, RIVAL)) {
            List<String> covered = PanelRun.run(engine.admin(), "SELECT table FROM system.row_policies WHERE short_name = '"
                    + tenant + "' AND select_filter = 'tenant_id = \\'" + tenant + "\\'' ORDER BY table").rows()
                    .stream().map(r -> r.get(0)).toList();
            List<String> withTenantRows = PanelRun.run(engine.admin(), "SELECT DISTINCT table FROM system.columns"
                    + " WHERE database = currentDatabase() AND name = 'tenant_id' AND table IN (SELECT name FROM system.tables"
                    + " WHERE database = currentDatabase() AND engine NOT IN ('View', 'MaterializedView')) ORDER BY table").rows()
                    .stream().map(r -> r.get(0)).toList();
            assertThat(covered).as(tenant).isEqualTo(withTenantRows);
        }
    }

    /**
     * The SQL form, for a server with SQL-driven access control: the engine parses every
     * statement, and cannot store it (clickhouse-local keeps users in users.xml only).
     */
    @Test
    void theSqlFormParsesButTheEmbeddedEngineCannotStoreIt() throws SQLException {
        List<String> ddl = TenantReaders.ddl(TenantReader.withNewPassword("acme"), TenantTables.read(engine.admin()));

        assertThat(ddl).anyMatch(s -> s.startsWith("CREATE ROW POLICY")).anyMatch(s -> s.startsWith("CREATE USER"));
        for (String statement : ddl) {
            String formatted = PanelRun.run(engine.admin(), "SELECT formatQuery('" + statement.replace("'", "\\'") + "')")
                    .rows().get(0).get(0);
            assertThat(formatted).as(statement).isNotBlank();
        }
        try (Statement st = engine.admin().createStatement()) {
            assertThatThrownBy(() -> st.execute(ddl.get(1))).isInstanceOf(SQLException.class);
        }
    }

    /**
     * ClickHouse before 26.7.6.5 lets mergeTreeIndex() show the primary-key marks of rows a row
     * policy hides (ClickHouse issue 115230); chDB 26.7 is 26.7.2. Fails once the engine is fixed:
     * then this check becomes one of the hostile reads above.
     */
    @Test
    void mergeTreeIndexShowsOtherTenantsKeysOnThisEngineVersion() throws SQLException {
        String version = PanelRun.run(engine.admin(), "SELECT version()").rows().get(0).get(0);
        PanelRun marks = PanelRun.run(engine.reader(DEMO),
                "SELECT DISTINCT tenant_id FROM mergeTreeIndex(currentDatabase(), queue_waits, with_marks = true)");
        assertThat(version).startsWith("26.7.2.");
        assertThat(marks.rows().toString()).contains(RIVAL);
    }

    private static Map<String, PanelRun> everyPanelAsDemo() throws SQLException {
        Map<String, PanelRun> results = new LinkedHashMap<>();
        for (Dashboard dashboard : Provisioning.dashboards()) {
            var variables = PanelRun.selection(engine.reader(DEMO), dashboard, true, RECENT);
            for (JsonNode panel : dashboard.panels()) {
                for (JsonNode target : panel.path("targets")) {
                    results.put(dashboard.uid() + "/" + panel.path("title").asString() + "/" + target.path("refId").asString(),
                            PanelRun.run(engine.reader(DEMO), MacroExpander.expand(target.path("rawSql").asString(), RECENT, variables)));
                }
            }
        }
        return results;
    }

    /** Ages measured against now() move between two runs. */
    private static List<List<String>> withoutClockColumns(PanelRun run) {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : run.rows()) {
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                if (!run.columns().get(i).equals("lag_ms")) {
                    kept.add(row.get(i));
                }
            }
            rows.add(kept);
        }
        return rows;
    }

    /** Rival: demo's rows under another tenant, every number times 7. */
    private static void copyDemoAsRival(Connection admin) throws SQLException {
        List<String> tables = TenantTables.read(admin).tables();
        for (String table : tables) {
            List<String> replaced = new ArrayList<>(List.of("'" + RIVAL + "' AS tenant_id"));
            for (List<String> column : PanelRun.run(admin, "SELECT name FROM system.columns WHERE database = currentDatabase()"
                    + " AND table = '" + table + "' AND match(type, '^(Nullable\\\\()?(U?Int|Float)') AND NOT is_in_primary_key").rows()) {
                replaced.add(column.get(0) + " * 7 AS " + column.get(0));
            }
            // The filter in a subquery: in the same SELECT it would read the replaced tenant_id. A table a
            // materialized view fills (topic_minutes) gets the rival's rows from the copy of its source.
            if (!filledByMaterializedView(admin, table)) {
                try (Statement st = admin.createStatement()) {
                    st.execute("INSERT INTO " + table + " SELECT * REPLACE (" + String.join(", ", replaced) + ") FROM (SELECT * FROM "
                            + table + " WHERE tenant_id = '" + DEMO + "')");
                }
            }
        }
        // Counted once every source is copied: a view's target may come before its source by name.
        for (String table : tables) {
            String counts = "SELECT countIf(tenant_id = '" + DEMO + "'), countIf(tenant_id = '" + RIVAL + "') FROM " + table;
            List<String> both = PanelRun.run(admin, counts).rows().get(0);
            assertThat(both.get(1)).as(RIVAL + " rows in " + table).isEqualTo(both.get(0));
        }
    }

    private static boolean filledByMaterializedView(Connection admin, String table) throws SQLException {
        return !PanelRun.run(admin, "SELECT name FROM system.tables WHERE database = currentDatabase()"
                + " AND engine = 'MaterializedView' AND match(create_table_query, '\\\\bTO \\\\S*\\\\b" + table + "\\\\b')").rows().isEmpty();
    }

    private static Map<String, String> rowCounts() throws SQLException {
        Map<String, String> counts = new LinkedHashMap<>();
        for (String table : TenantTables.read(engine.admin()).tables()) {
            counts.put(table, PanelRun.run(engine.admin(), "SELECT count() FROM " + table).rows().get(0).get(0));
        }
        counts.put("tables", PanelRun.run(engine.admin(), "SELECT count() FROM system.tables WHERE database = currentDatabase()")
                .rows().get(0).get(0));
        return counts;
    }

    private static String http(String sql, String extraParameters, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(engine.server().httpUrl() + "/?query="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8) + extraParameters)).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
