package io.chatpulse.schema.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a tenant reader may read, as the schema stands: every table with a {@code tenant_id}
 * column (each gets a row policy) and every view that runs with its caller's rights. A view reads
 * its tables as the reader, so the tables' row policies hold inside parameterized views too. A
 * table without {@code tenant_id} (the migration history) and a view that runs with its definer's
 * rights are not granted at all, and neither is anything a later migration adds until the reader
 * is written again: new objects stay closed rather than open.
 */
public record TenantTables(String database, List<String> tables, List<String> views) {

    /** Names go into a users file as XML elements and into SQL unquoted. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public TenantTables {
        for (String name : concat(List.of(database), tables, views)) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalStateException("'" + name + "' cannot be named in a tenant reader's grants");
            }
        }
    }

    public static TenantTables read(Connection admin) throws SQLException {
        List<String> tables = new ArrayList<>();
        List<String> views = new ArrayList<>();
        String database;
        try (Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT currentDatabase()")) {
                rs.next();
                database = rs.getString(1);
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT name FROM system.tables
                    WHERE database = currentDatabase() AND engine NOT IN ('View', 'MaterializedView')
                      AND name IN (SELECT table FROM system.columns WHERE database = currentDatabase() AND name = 'tenant_id')
                    ORDER BY name""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            // SQL SECURITY DEFINER or NONE would read the tables as someone else, past the policies.
            try (ResultSet rs = st.executeQuery("""
                    SELECT name FROM system.tables
                    WHERE database = currentDatabase() AND engine = 'View'
                      AND NOT match(create_table_query, 'SQL SECURITY (DEFINER|NONE)')
                    ORDER BY name""")) {
                while (rs.next()) {
                    views.add(rs.getString(1));
                }
            }
        }
        return new TenantTables(database, List.copyOf(tables), List.copyOf(views));
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
