package io.chatpulse.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The migrations laid out for a cluster ({@link ClusterDdl}). The history table is one replication
 * group of every node, so whichever node the runner connects to knows what was applied.
 */
final class ClusterLayout implements SchemaLayout {

    private final String cluster;
    private final Map<String, List<String>> statementsByFile = new HashMap<>();

    /** Translates all of {@code migrations}, in order, also those applied already: later ones build on them. */
    ClusterLayout(String cluster, List<Migration> migrations) {
        ClusterDdl ddl = new ClusterDdl(cluster);
        this.cluster = cluster;
        for (Migration migration : migrations) {
            statementsByFile.put(migration.fileName(), ddl.translate(migration));
        }
    }

    @Override
    public String historyTableDdl(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + " ON CLUSTER " + cluster + " (" + ClickHouseMigrations.HISTORY_COLUMNS + ")"
                + " ENGINE = ReplicatedMergeTree('/clickhouse/tables/all/{database}/" + table + "', '{shard}-{replica}')"
                + " ORDER BY version";
    }

    @Override
    public List<String> statements(Migration migration) {
        List<String> statements = statementsByFile.get(migration.fileName());
        if (statements == null) {
            throw new IllegalArgumentException(migration.fileName() + " was not among the migrations laid out for the cluster");
        }
        return statements;
    }

    @Override
    public boolean replicated() {
        return true;
    }
}
