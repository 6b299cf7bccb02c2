package io.chatpulse.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the migrations listed in {@code db/clickhouse/INDEX} in order, each once, then the views
 * of {@code R__views.sql} whenever that file changed or a migration was applied (decision 35), and
 * records each in {@code chatpulse_schema_migrations}. The same files run on the embedded engine
 * and on a ClickHouse server.
 */
public final class ClickHouseMigrations {

    static final String HISTORY_TABLE = "chatpulse_schema_migrations";
    static final String HISTORY_COLUMNS = "version UInt32, file_name String, checksum String,"
            + " applied_at DateTime64(3, 'UTC') DEFAULT now64(3)";
    static final String VIEWS = "R__views.sql";
    private static final String RESOURCE_DIR = "/db/clickhouse/";
    private static final Logger log = LoggerFactory.getLogger(ClickHouseMigrations.class);

    private ClickHouseMigrations() {
    }

    /** Applies what is pending over a new connection; returns the file names applied now. */
    public static List<String> apply(String jdbcUrl, String user, String password) throws SQLException {
        return apply(jdbcUrl, user, password, "");
    }

    /** The same, laid out for {@code cluster} unless it is empty. */
    public static List<String> apply(String jdbcUrl, String user, String password, String cluster) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        try (Connection connection = DriverManager.getConnection(jdbcUrl, props)) {
            return cluster.isEmpty() ? apply(connection) : applyOnCluster(connection, cluster);
        }
    }

    public static List<String> apply(Connection connection) throws SQLException {
        return apply(connection, Integer.MAX_VALUE);
    }

    /**
     * Applies what is pending up to and including {@code throughVersion}: a schema as an older
     * release left it, for a test of the migrations after it.
     */
    public static List<String> apply(Connection connection, int throughVersion) throws SQLException {
        return apply(connection, throughVersion, SchemaLayout.SINGLE_NODE);
    }

    /**
     * Applies what is pending laid out for the cluster {@code cluster} (decision 17): Replicated
     * local tables and Distributed tables sharded by tenant, every DDL ON CLUSTER.
     */
    public static List<String> applyOnCluster(Connection connection, String cluster) throws SQLException {
        return apply(connection, Integer.MAX_VALUE, new ClusterLayout(cluster, all()));
    }

    private static List<String> apply(Connection connection, int throughVersion, SchemaLayout layout) throws SQLException {
        requireSameLayout(connection, layout);
        try (Statement st = connection.createStatement()) {
            st.execute(layout.historyTableDdl(HISTORY_TABLE));
        }
        Map<Integer, String> applied = appliedChecksums(connection);
        Map<String, Set<String>> released = releasedChecksums();
        List<Migration> bundled = bundled();
        List<String> appliedNow = new ArrayList<>();
        for (Migration migration : bundled) {
            if (migration.version() > throughVersion) {
                break;
            }
            String checksum = applied.get(migration.version());
            if (checksum == null) {
                run(connection, migration, layout.statements(migration));
                appliedNow.add(migration.fileName());
            } else if (!checksum.equals(migration.checksum())
                    && !released.getOrDefault(migration.fileName(), Set.of()).contains(checksum)) {
                throw new IllegalStateException(migration.fileName() + " was changed after it was applied;"
                        + " released migrations must not change, add a new one instead");
            }
        }
        int latest = bundled.get(bundled.size() - 1).version();
        // The views read the latest tables and columns: a schema held at an older version gets none.
        Migration views = views();
        if (throughVersion >= latest && (!appliedNow.isEmpty() || !views.checksum().equals(applied.get(views.version())))) {
            run(connection, views, layout.statements(views));
            appliedNow.add(views.fileName());
        }
        log.info("ClickHouse schema at version {}: {} file(s) applied now {}", Math.min(throughVersion, latest),
                appliedNow.size(), appliedNow);
        return appliedNow;
    }

    /** Every file in the order it applies: the versioned migrations, then the views. */
    public static List<Migration> all() {
        List<Migration> all = new ArrayList<>(bundled());
        all.add(views());
        return all;
    }

    /** Every view's current definition, applied after the migrations with CREATE OR REPLACE. */
    public static Migration views() {
        return Migration.of(VIEWS, read(VIEWS));
    }

    /** The migrations listed in INDEX, ordered by version; two files of one version are an error. */
    public static List<Migration> bundled() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : read("INDEX").split("\n")) {
            String name = line.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                migrations.add(Migration.of(name, read(name)));
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        for (int i = 1; i < migrations.size(); i++) {
            if (migrations.get(i).version() == migrations.get(i - 1).version()) {
                throw new IllegalStateException("two migrations of version " + migrations.get(i).version() + ": "
                        + migrations.get(i - 1).fileName() + " and " + migrations.get(i).fileName());
            }
        }
        return migrations;
    }

    private static void run(Connection connection, Migration migration, List<String> statements) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String statement : statements) {
                st.execute(statement);
            }
        } catch (SQLException e) {
            throw new SQLException("migration " + migration.fileName() + " failed: " + e.getMessage(), e);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + HISTORY_TABLE + " (version, file_name, checksum) VALUES (?, ?, ?)")) {
            insert.setInt(1, migration.version());
            insert.setString(2, migration.fileName());
            insert.setString(3, migration.checksum());
            insert.executeUpdate();
        }
        log.info("applied ClickHouse migration {}", migration.fileName());
    }

    /**
     * A database migrated for one node holds plain tables under the names a cluster gives Distributed
     * ones. Checked before anything is created, so a refusal leaves the database as it was.
     */
    private static void requireSameLayout(Connection connection, SchemaLayout layout) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT engine FROM system.tables WHERE database = currentDatabase()"
                     + " AND name = '" + HISTORY_TABLE + "'")) {
            if (!rs.next()) {
                return;
            }
            boolean replicated = rs.getString(1).startsWith("Replicated");
            if (replicated != layout.replicated()) {
                throw new IllegalStateException("this database was migrated " + (replicated
                        ? "for a cluster (" + HISTORY_TABLE + " is Replicated): set CLICKHOUSE_CLUSTER to apply migrations to it"
                        : "for a single node: its tables cannot become a cluster's by migrations alone (decision 17)"));
            }
        }
    }

    /** The latest checksum recorded for each version: the repeatable file is recorded at every apply. */
    private static Map<Integer, String> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, String> applied = new HashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, argMax(checksum, applied_at) FROM " + HISTORY_TABLE
                     + " GROUP BY version")) {
            while (rs.next()) {
                applied.put(rs.getInt(1), rs.getString(2));
            }
        }
        return applied;
    }

    /** The checksums of RELEASED_CHECKSUMS: files whose views moved out after release, as released. */
    static Map<String, Set<String>> releasedChecksums() {
        Map<String, Set<String>> released = new HashMap<>();
        for (String line : read("RELEASED_CHECKSUMS").split("\n")) {
            String[] fileAndChecksum = line.strip().split("\\s+");
            if (fileAndChecksum.length == 2 && !line.startsWith("#")) {
                released.computeIfAbsent(fileAndChecksum[0], file -> new HashSet<>()).add(fileAndChecksum[1]);
            }
        }
        return released;
    }

    private static String read(String name) {
        try (InputStream in = ClickHouseMigrations.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing: " + RESOURCE_DIR + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
