package io.chatpulse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClusterDdlTest {

    private static final Pattern CREATED_TABLE = Pattern.compile(
            "CREATE (?:OR REPLACE )?TABLE (?:IF NOT EXISTS )?(\\w+) ON CLUSTER chatpulse .*?ENGINE = (\\w+)\\(", Pattern.DOTALL);
    private static final Pattern DROPPED_TABLE = Pattern.compile("DROP TABLE (?:IF EXISTS )?(\\w+) ON CLUSTER chatpulse SYNC");

    @Test
    void everyTableOfEveryMigrationEndsAsAReplicatedLocalTableUnderADistributedOne() {
        List<String> ddl = allClusterDdl();
        Set<String> tables = new LinkedHashSet<>();
        for (String statement : ddl) {
            Matcher created = CREATED_TABLE.matcher(statement);
            Matcher dropped = DROPPED_TABLE.matcher(statement);
            if (created.lookingAt()) {
                String expectedEngine = created.group(1).endsWith("_local") ? "Replicated" : "Distributed";
                assertThat(created.group(2)).as(statement).startsWith(expectedEngine);
                tables.add(created.group(1));
            } else if (dropped.matches()) {
                tables.remove(dropped.group(1));
            }
        }

        assertThat(tables).containsExactlyInAnyOrderElementsOf(withLocals(singleNodeTables()));
    }

    @Test
    void everyDdlStatementRunsOnTheClusterAndNoEngineIsLeftUnreplicated() {
        for (String statement : allClusterDdl()) {
            if (!statement.startsWith("INSERT")) {
                assertThat(statement).as(statement).contains(" ON CLUSTER chatpulse");
            }
            assertThat(statement).as(statement).doesNotContainPattern("ENGINE = (?!Replicated|Distributed)");
        }
    }

    @Test
    void theMigrationsTableIsOneReplicationGroupOfEveryNode() {
        assertThat(ClusterDdlCommand.statements("chatpulse").get(0)).isEqualTo("CREATE TABLE IF NOT EXISTS"
                + " chatpulse_schema_migrations ON CLUSTER chatpulse (" + ClickHouseMigrations.HISTORY_COLUMNS + ")"
                + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/chatpulse_schema_migrations',"
                + " '{shard}-{replica}') ORDER BY version");
    }

    @Test
    void aDistributedTableShardsByTenantOverItsLocalTable() {
        List<String> ddl = new ClusterDdl("chatpulse").translate(ClickHouseMigrations.bundled().get(0));

        assertThat(ddl.get(1)).isEqualTo("CREATE TABLE IF NOT EXISTS queue_waits ON CLUSTER chatpulse AS queue_waits_local\n"
                + "ENGINE = Distributed(chatpulse, currentDatabase(), queue_waits_local, cityHash64(tenant_id))");
    }

    @Test
    void theReplicatedEngineKeepsTheEngineArgumentsAndTheClauses() {
        List<String> ddl = new ClusterDdl("c1").translate("""
                CREATE TABLE IF NOT EXISTS queue_live_state
                (
                    tenant_id LowCardinality(String) COMMENT 'ENGINE = Memory, (not this one)',
                    version   UInt64
                )
                ENGINE = ReplacingMergeTree(version)
                ORDER BY (tenant_id)""");

        assertThat(ddl.get(0)).endsWith("""
                )
                ENGINE = ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/{database}/queue_live_state_local', '{replica}', version)
                ORDER BY (tenant_id)""").startsWith("CREATE TABLE IF NOT EXISTS queue_live_state_local ON CLUSTER c1 (");
    }

    @Test
    void viewsRunOnTheClusterWithLocalInSubqueriesAndShardPruning() {
        ClusterDdl ddl = new ClusterDdl("c1");

        assertThat(ddl.translate("CREATE OR REPLACE VIEW v AS SELECT 1 UNION ALL SELECT 2")).containsExactly(
                "CREATE OR REPLACE VIEW v ON CLUSTER c1 AS SELECT * FROM (\nSELECT 1 UNION ALL SELECT 2\n)\n"
                        + "SETTINGS distributed_product_mode = 'local', optimize_skip_unused_shards = 1");
    }

    @Test
    void theViewsFileRunsOnTheClusterAfterEveryMigration() {
        List<String> ddl = ClusterDdlCommand.statements("c1", 999);
        List<String> views = ClickHouseMigrations.views().statements();

        assertThat(ddl).hasSameSizeAs(views);
        assertThat(ddl).allSatisfy(statement -> assertThat(statement).contains(" ON CLUSTER c1"));
        ClusterDdl translator = new ClusterDdl("c1");
        assertThat(translator.translate("CREATE OR REPLACE FUNCTION f AS (x) -> x + 1"))
                .containsExactly("CREATE OR REPLACE FUNCTION f ON CLUSTER c1 AS (x) -> x + 1");
        assertThat(translator.translate("DROP VIEW IF EXISTS old_summary"))
                .containsExactly("DROP VIEW IF EXISTS old_summary ON CLUSTER c1");
    }

    @Test
    void aMaterializedViewReadsAndFillsTheLocalTables() {
        ClusterDdl ddl = new ClusterDdl("c1");
        ddl.translate("CREATE TABLE a (tenant_id String, x UInt8) ENGINE = MergeTree ORDER BY tenant_id");
        ddl.translate("CREATE TABLE b (tenant_id String, n UInt64) ENGINE = SummingMergeTree ORDER BY tenant_id");

        assertThat(ddl.translate("CREATE MATERIALIZED VIEW IF NOT EXISTS a_to_b TO b AS SELECT tenant_id, count() AS n FROM a GROUP BY tenant_id"))
                .containsExactly("CREATE MATERIALIZED VIEW IF NOT EXISTS a_to_b ON CLUSTER c1 TO b_local AS "
                        + "SELECT tenant_id, count() AS n FROM a_local GROUP BY tenant_id");
    }

    @Test
    void anExchangeSwapsTheLocalTablesAndRemakesBothDistributedTablesOverThem() {
        ClusterDdl ddl = new ClusterDdl("c1");
        ddl.translate("CREATE TABLE a (tenant_id String) ENGINE = MergeTree ORDER BY tenant_id");
        ddl.translate("CREATE TABLE a_new AS a ENGINE = MergeTree ORDER BY tenant_id");

        assertThat(ddl.translate("EXCHANGE TABLES a AND a_new")).containsExactly(
                "EXCHANGE TABLES a_local AND a_new_local ON CLUSTER c1",
                "CREATE OR REPLACE TABLE a ON CLUSTER c1 AS a_local\n"
                        + "ENGINE = Distributed(c1, currentDatabase(), a_local, cityHash64(tenant_id))",
                "CREATE OR REPLACE TABLE a_new ON CLUSTER c1 AS a_new_local\n"
                        + "ENGINE = Distributed(c1, currentDatabase(), a_new_local, cityHash64(tenant_id))");
    }

    @Test
    void aCopyBetweenShardedTablesRunsOnEachShard() {
        ClusterDdl ddl = new ClusterDdl("c1");
        ddl.translate("CREATE TABLE a (tenant_id String) ENGINE = MergeTree ORDER BY tenant_id");

        assertThat(ddl.translate("INSERT INTO a SELECT * FROM a")).containsExactly("INSERT INTO a SETTINGS "
                + "parallel_distributed_insert_select = 2, distributed_foreground_insert = 1\nSELECT * FROM a");
    }

    @Test
    void refusesWhatItCannotLayOutWithAClearReason() {
        ClusterDdl ddl = new ClusterDdl("c1");
        ddl.translate("CREATE TABLE a (tenant_id String, x UInt8) ENGINE = MergeTree ORDER BY tenant_id");

        assertThatThrownBy(() -> ddl.translate("RENAME TABLE a TO b"))
                .hasMessageContaining("no cluster form for this statement").hasMessageContaining("RENAME TABLE a TO b");
        assertThatThrownBy(() -> ddl.translate("ALTER TABLE a ADD COLUMN y UInt8, ADD INDEX y_idx y TYPE minmax"))
                .hasMessageContaining("only column changes").hasMessageContaining("ADD INDEX y_idx");
        assertThatThrownBy(() -> ddl.translate("ALTER TABLE gone ADD COLUMN y UInt8"))
                .hasMessageContaining("ALTER TABLE gone: no sharded table of that name");
        assertThatThrownBy(() -> ddl.translate("CREATE TABLE m (tenant_id String) ENGINE = Memory"))
                .hasMessageContaining("table m has engine Memory");
        assertThatThrownBy(() -> ddl.translate("CREATE TABLE r (tenant_id String) ENGINE = ReplicatedMergeTree ORDER BY tenant_id"))
                .hasMessageContaining("only a non-replicated MergeTree-family engine");
        assertThatThrownBy(() -> ddl.translate("CREATE TABLE n (id String) ENGINE = MergeTree ORDER BY id"))
                .hasMessageContaining("table n has no tenant_id column to shard by");
        assertThatThrownBy(() -> ddl.translate("CREATE MATERIALIZED VIEW mv ENGINE = MergeTree ORDER BY x AS SELECT x FROM a"))
                .hasMessageContaining("no cluster form"); // an inner engine: no TO clause to point at a local table
        assertThatThrownBy(() -> ddl.translate("CREATE MATERIALIZED VIEW mv AS SELECT x FROM a"))
                .hasMessageContaining("materialized view mv has no TO table");
        assertThatThrownBy(() -> new ClusterDdl("my-cluster")).hasMessageContaining("must be an identifier");
    }

    @Test
    void namesTheMigrationOfAStatementItRefuses() {
        Migration migration = Migration.of("V999__truncate.sql", "TRUNCATE TABLE a;\n");

        assertThatThrownBy(() -> new ClusterDdl("c1").translate(migration)).hasMessageStartingWith("V999__truncate.sql: ");
    }

    private static List<String> allClusterDdl() {
        ClusterDdl ddl = new ClusterDdl("chatpulse");
        List<String> statements = new ArrayList<>();
        for (Migration migration : ClickHouseMigrations.all()) {
            statements.addAll(ddl.translate(migration));
        }
        return statements;
    }

    /** The tables the migrations leave on one node: created and not dropped, as written. */
    private static Set<String> singleNodeTables() {
        Pattern created = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");
        Pattern dropped = Pattern.compile("DROP TABLE (?:IF EXISTS )?(\\w+)");
        Set<String> tables = new LinkedHashSet<>();
        for (Migration migration : ClickHouseMigrations.bundled()) {
            for (String statement : migration.statements()) {
                Matcher c = created.matcher(statement);
                Matcher d = dropped.matcher(statement);
                if (c.lookingAt()) {
                    tables.add(c.group(1));
                } else if (d.lookingAt()) {
                    tables.remove(d.group(1));
                }
            }
        }
        assertThat(tables).contains("queue_waits", "conversation_channels", "agent_time_minutes", "alert_history");
        return tables;
    }

    private static Set<String> withLocals(Set<String> tables) {
        Set<String> both = new LinkedHashSet<>(tables);
        tables.forEach(table -> both.add(table + "_local"));
        return both;
    }
}
