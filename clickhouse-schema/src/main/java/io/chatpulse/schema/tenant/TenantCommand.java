package io.chatpulse.schema.tenant;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

/** {@code ./chatpulse tenant add-reader TENANT}: a tenant's read-only ClickHouse user for its Grafana organization. */
public final class TenantCommand {

    private static final String USAGE = """
            Usage: ./chatpulse tenant add-reader TENANT [--users-dir DIR] [--grafana-org ID] [--sql]

            Creates TENANT's read-only ClickHouse user (named TENANT, with a new password, printed once)
            that sees only TENANT's rows: row policies on every table with tenant_id, SELECT on those
            tables and the views, nothing else. Reads the schema from the running engine, so run it
            after the migrations; run it again after a migration that adds a table or view (new objects
            stay closed to readers until then; it also makes a new password).

              --users-dir DIR   where the users file goes (default data/clickhouse/users.d, the embedded
                                engine's; a ClickHouse server's is /etc/clickhouse-server/users.d). The
                                embedded engine reads it when it starts: restart ./chatpulse up.
              --grafana-org ID  the tenant's Grafana organization, for the provisioning printed (default 1)
              --sql             print SQL for a server with SQL-driven access control instead of the file

            Environment: CLICKHOUSE_URL (default jdbc:clickhouse://127.0.0.1:8123/default), CLICKHOUSE_USER
            (default "default"), CLICKHOUSE_PASSWORD (default empty): an administrator of the engine.""";

    private TenantCommand() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        if (rest.size() < 2 || !rest.get(0).equals("add-reader") || rest.contains("--help")) {
            System.out.println(USAGE);
            System.exit(rest.contains("--help") ? 0 : 2);
        }
        String tenant = rest.get(1);
        Path usersDir = Path.of(option(rest, "--users-dir", "data/clickhouse/users.d"));
        int orgId = Integer.parseInt(option(rest, "--grafana-org", "1"));
        try (Connection admin = DriverManager.getConnection(env("CLICKHOUSE_URL", "jdbc:clickhouse://127.0.0.1:8123/default"),
                env("CLICKHOUSE_USER", "default"), env("CLICKHOUSE_PASSWORD", ""))) {
            TenantReader reader;
            if (rest.contains("--sql")) {
                reader = TenantReader.withNewPassword(tenant);
                TenantReaders.ddl(reader, TenantTables.read(admin)).forEach(s -> System.out.println(s + ";"));
            } else {
                reader = TenantReaders.add(admin, usersDir, tenant);
                System.out.println("users file: " + usersDir.resolve("tenant-" + tenant + ".xml")
                        + " (the embedded engine reads it when it starts)");
            }
            System.out.println("ClickHouse user: " + reader.tenant());
            System.out.println("password (shown once, only its SHA-256 is kept): " + reader.password());
            System.out.println("\nGrafana: set " + reader.passwordVariable() + " to the password in Grafana's environment, and");
            System.out.println("provisioning/datasources/tenant-" + tenant + ".yaml:\n" + GrafanaProvisioning.datasource(reader, orgId));
            System.out.println("provisioning/dashboards/tenant-" + tenant + ".yaml:\n" + GrafanaProvisioning.dashboards(reader, orgId));
        }
    }

    private static String option(List<String> args, String name, String fallback) {
        int at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : fallback;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
