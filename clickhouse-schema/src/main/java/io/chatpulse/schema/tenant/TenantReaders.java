package io.chatpulse.schema.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Walls a tenant off inside ClickHouse: a read-only user named after the tenant, allowed to SELECT
 * only the tenant tables and the invoker views, with a row policy {@code tenant_id = '<tenant>'}
 * on every tenant table. Two forms of the same thing: a users file (users.d/), which both the
 * embedded engine and a ClickHouse server read, and SQL for a server with SQL-driven access
 * control (the embedded engine has none). See docs/decisions/0013-tenant-walls-in-clickhouse.md.
 */
public final class TenantReaders {

    /** readonly = 1: no writes, no DDL, no settings changed, except {@link #CHANGEABLE}. */
    static final String PROFILE = "chatpulse_tenant_reader";

    /**
     * Settings clients send with every query, which readonly = 1 would refuse even at their
     * default: the Grafana plugin's max_execution_time, clickhouse-jdbc's async_insert; and
     * join_use_nulls, which panels set. None of them can write or widen what a query reads.
     * (clickhouse-jdbc's wait_end_of_query is an HTTP parameter, which readonly leaves alone.)
     */
    static final List<String> CHANGEABLE = List.of("max_execution_time", "async_insert", "join_use_nulls");

    private TenantReaders() {
    }

    /** Writes {@code <usersDir>/tenant-<tenant>.xml} with a new password; the engine reads it when it starts. */
    public static TenantReader add(Connection admin, Path usersDir, String tenant) throws SQLException {
        TenantReader reader = TenantReader.withNewPassword(tenant);
        String xml = usersXml(reader, TenantTables.read(admin));
        // Whole or not at all: the engine does not start with a users file it cannot parse.
        try {
            Files.createDirectories(usersDir);
            Path partial = Files.writeString(usersDir.resolve("tenant-" + tenant + ".xml.partial"), xml);
            Files.move(partial, usersDir.resolve("tenant-" + tenant + ".xml"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reader of " + tenant + " into " + usersDir, e);
        }
        return reader;
    }

    public static String usersXml(TenantReader reader, TenantTables schema) {
        StringBuilder grants = new StringBuilder();
        for (String name : readable(schema)) {
            grants.append("                <query>GRANT SELECT ON ").append(schema.database()).append('.').append(name)
                    .append("</query>\n");
        }
        StringBuilder policies = new StringBuilder();
        for (String table : schema.tables()) {
            policies.append("                    <").append(table).append("><filter>").append(filter(reader))
                    .append("</filter></").append(table).append(">\n");
        }
        return """
                <!-- Tenant %1$s's read-only user for Grafana: written by ./chatpulse tenant add-reader. -->
                <clickhouse>
                    <profiles>
                        <%2$s>
                            <readonly>1</readonly>
                            <!-- Settings that clients send with every query and panels set (TenantReaders.CHANGEABLE). -->
                            <constraints>
                %7$s            </constraints>
                        </%2$s>
                    </profiles>
                    <users>
                        <%1$s>
                            <password_sha256_hex>%3$s</password_sha256_hex>
                            <networks><ip>::/0</ip></networks>
                            <profile>%2$s</profile>
                            <quota>default</quota>
                            <grants>
                %4$s            </grants>
                            <databases>
                                <%5$s>
                %6$s                </%5$s>
                            </databases>
                        </%1$s>
                    </users>
                </clickhouse>
                """.formatted(reader.tenant(), PROFILE, reader.passwordSha256Hex(), grants, schema.database(), policies,
                        CHANGEABLE.stream().map(s -> "                <" + s + "><changeable_in_readonly/></" + s + ">\n")
                                .collect(Collectors.joining()));
    }

    /** The same user, grants and policies as statements, for a server with SQL-driven access control. */
    public static List<String> ddl(TenantReader reader, TenantTables schema) {
        String user = reader.tenant();
        List<String> statements = new ArrayList<>();
        statements.add("CREATE SETTINGS PROFILE OR REPLACE " + PROFILE + " SETTINGS readonly = 1, "
                + CHANGEABLE.stream().map(s -> s + " CHANGEABLE_IN_READONLY").collect(Collectors.joining(", ")));
        statements.add("CREATE USER OR REPLACE `" + user + "` IDENTIFIED WITH sha256_hash BY '"
                + reader.passwordSha256Hex() + "' SETTINGS PROFILE " + PROFILE);
        for (String name : readable(schema)) {
            statements.add("GRANT SELECT ON " + schema.database() + "." + name + " TO `" + user + "`");
        }
        for (String table : schema.tables()) {
            statements.add("CREATE ROW POLICY OR REPLACE `" + user + "_tenant` ON " + schema.database() + "." + table
                    + " FOR SELECT USING " + filter(reader) + " TO `" + user + "`");
        }
        return statements;
    }

    private static String filter(TenantReader reader) {
        return "tenant_id = '" + reader.tenant() + "'";
    }

    private static List<String> readable(TenantTables schema) {
        List<String> names = new ArrayList<>(schema.tables());
        names.addAll(schema.views());
        return names;
    }
}
