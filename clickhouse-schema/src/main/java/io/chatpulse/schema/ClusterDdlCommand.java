package io.chatpulse.schema;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./chatpulse schema --cluster NAME [--from VERSION]}: prints the migrations laid out for a
 * ClickHouse cluster, for a DBA to read or run by hand. Nothing connects to ClickHouse.
 */
public final class ClusterDdlCommand {

    private static final String USAGE = """
            Usage: ./chatpulse schema --cluster NAME [--from VERSION]
                   (or CLICKHOUSE_CLUSTER=NAME ./chatpulse schema [--from VERSION])
            Prints chatpulse's ClickHouse migrations laid out for the cluster NAME of the servers'
            remote_servers (docs/decisions/0017-clickhouse-on-a-cluster.md): every MergeTree table as
            <table>_local with its Replicated engine, ZooKeeper path /clickhouse/tables/{shard}/{database}/
            and replica '{replica}' (both macros on every server), a Distributed table under the
            original name sharded by cityHash64(tenant_id), every DDL ON CLUSTER NAME.
            --from VERSION: only the migrations of that version and later (e.g. 47: what a release adds),
            then every view (R__views.sql, CREATE OR REPLACE: decision 35).
            To apply it and record each migration: CLICKHOUSE_CLUSTER=NAME with MigrateCommand.""";

    private ClusterDdlCommand() {
    }

    public static void main(String[] args) {
        String cluster = System.getenv("CLICKHOUSE_CLUSTER");
        int fromVersion = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--cluster" -> cluster = args[i + 1];
                case "--from" -> fromVersion = args[i + 1].matches("[Vv]?\\d+") ? Integer.parseInt(args[i + 1].substring(
                        Character.isDigit(args[i + 1].charAt(0)) ? 0 : 1)) : -1;
                default -> cluster = null;
            }
        }
        if (args.length % 2 != 0 || cluster == null || cluster.isBlank() || fromVersion < 0) {
            System.out.println(USAGE);
            return;
        }
        try {
            print(cluster, fromVersion, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("chatpulse: " + e.getMessage());
            System.exit(2);
        }
    }

    /** Every statement of the cluster layout in the order it runs: the history table, each migration's, the views'. */
    public static List<String> statements(String cluster) {
        List<String> statements = new ArrayList<>(List.of(new ClusterLayout(cluster, ClickHouseMigrations.bundled())
                .historyTableDdl(ClickHouseMigrations.HISTORY_TABLE)));
        statements.addAll(statements(cluster, 0));
        return statements;
    }

    /** The statements of the migrations of {@code fromVersion} and later, then those of the views, in order. */
    public static List<String> statements(String cluster, int fromVersion) {
        List<Migration> migrations = ClickHouseMigrations.all();
        ClusterLayout layout = new ClusterLayout(cluster, migrations);
        List<String> statements = new ArrayList<>();
        migrations.stream().filter(m -> applies(m, fromVersion)).forEach(m -> statements.addAll(layout.statements(m)));
        return statements;
    }

    /** The views follow every release's migrations: MigrateCommand applies them again after any. */
    private static boolean applies(Migration migration, int fromVersion) {
        return migration.repeatable() || migration.version() >= fromVersion;
    }

    static void print(String cluster, int fromVersion, PrintStream out) {
        List<Migration> migrations = ClickHouseMigrations.all();
        ClusterLayout layout = new ClusterLayout(cluster, migrations);
        out.println("-- chatpulse's ClickHouse schema laid out for the cluster " + cluster + " (decision 17).");
        out.println("-- Run in this order on one node; MigrateCommand with CLICKHOUSE_CLUSTER=" + cluster
                + " does it and records each file in " + ClickHouseMigrations.HISTORY_TABLE + ".");
        out.println(layout.historyTableDdl(ClickHouseMigrations.HISTORY_TABLE) + ";");
        for (Migration migration : migrations) {
            if (!applies(migration, fromVersion)) {
                continue;
            }
            out.println();
            out.println("-- " + migration.fileName());
            for (String statement : layout.statements(migration)) {
                out.println(statement + ";");
            }
        }
    }
}
