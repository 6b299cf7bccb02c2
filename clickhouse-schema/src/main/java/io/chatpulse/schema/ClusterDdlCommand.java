package io.chatpulse.schema;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./chatpulse schema --cluster NAME}: prints the migrations laid out for a ClickHouse
 * cluster, for a DBA to read or run by hand. Nothing connects to ClickHouse.
 */
public final class ClusterDdlCommand {

    private ClusterDdlCommand() {
    }

    public static void main(String[] args) {
        String cluster = args.length == 2 && args[0].equals("--cluster") ? args[1] : System.getenv("CLICKHOUSE_CLUSTER");
        if (args.length > 0 && args.length != 2 || cluster == null || cluster.isBlank()) {
            System.out.println("""
                    Usage: ./chatpulse schema --cluster NAME   (or CLICKHOUSE_CLUSTER=NAME ./chatpulse schema)
                    Prints chatpulse's ClickHouse migrations laid out for the cluster NAME of the servers'
                    remote_servers (docs/decisions/0017-clickhouse-on-a-cluster.md): every MergeTree table as
                    <table>_local with its Replicated engine, ZooKeeper path /clickhouse/tables/{shard}/{database}/
                    and replica '{replica}' (both macros on every server), a Distributed table under the
                    original name sharded by cityHash64(tenant_id), every DDL ON CLUSTER NAME.
                    To apply it and record each migration: CLICKHOUSE_CLUSTER=NAME with MigrateCommand.""");
            return;
        }
        try {
            print(cluster, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("chatpulse: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Every statement of the cluster layout in the order it runs: the history table, then each migration's. */
    public static List<String> statements(String cluster) {
        List<Migration> migrations = ClickHouseMigrations.bundled();
        ClusterLayout layout = new ClusterLayout(cluster, migrations);
        List<String> statements = new ArrayList<>(List.of(layout.historyTableDdl(ClickHouseMigrations.HISTORY_TABLE)));
        migrations.forEach(migration -> statements.addAll(layout.statements(migration)));
        return statements;
    }

    static void print(String cluster, PrintStream out) {
        List<Migration> migrations = ClickHouseMigrations.bundled();
        ClusterLayout layout = new ClusterLayout(cluster, migrations);
        out.println("-- chatpulse's ClickHouse schema laid out for the cluster " + cluster + " (decision 17).");
        out.println("-- Run in this order on one node; MigrateCommand with CLICKHOUSE_CLUSTER=" + cluster
                + " does it and records each file in " + ClickHouseMigrations.HISTORY_TABLE + ".");
        out.println(layout.historyTableDdl(ClickHouseMigrations.HISTORY_TABLE) + ";");
        for (Migration migration : migrations) {
            out.println();
            out.println("-- " + migration.fileName());
            for (String statement : layout.statements(migration)) {
                out.println(statement + ";");
            }
        }
    }
}
