package io.chatpulse.schema;

import java.util.List;

/** {@code java -cp ... io.chatpulse.schema.MigrateCommand}: applies pending migrations to a ClickHouse server. */
public final class MigrateCommand {

    private MigrateCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("""
                    Applies chatpulse's ClickHouse migrations that are not applied yet, in order.
                    Configuration (environment):
                      CLICKHOUSE_URL       JDBC URL (default jdbc:clickhouse://127.0.0.1:8123/default)
                      CLICKHOUSE_USER      user (default "default")
                      CLICKHOUSE_PASSWORD  password (default empty)
                      CLICKHOUSE_CLUSTER   a cluster of the servers' remote_servers: the tables laid out for it,
                                           every DDL ON CLUSTER (default empty: one server; decision 17)""");
            return;
        }
        String url = env("CLICKHOUSE_URL", "jdbc:clickhouse://127.0.0.1:8123/default");
        List<String> applied = ClickHouseMigrations.apply(url, env("CLICKHOUSE_USER", "default"),
                env("CLICKHOUSE_PASSWORD", ""), env("CLICKHOUSE_CLUSTER", ""));
        System.out.println(applied.isEmpty() ? "schema up to date" : "applied " + applied);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
