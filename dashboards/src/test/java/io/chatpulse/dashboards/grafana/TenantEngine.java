package io.chatpulse.dashboards.grafana;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.schema.ClickHouseMigrations;
import io.chatpulse.schema.tenant.TenantReader;
import io.chatpulse.schema.tenant.TenantReaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A real engine with the migrations, rows written as the stream jobs' user (default), and a
 * read-only reader per tenant made by {@link TenantReaders}, as a Grafana organization's
 * datasource connects. The engine reads users files only at start, so it starts twice.
 */
final class TenantEngine implements AutoCloseable {

    /** Writes the rows, as the pipeline does. */
    interface Seed {
        void into(Connection admin) throws SQLException;
    }

    private final Path dataDir;
    private final Map<String, TenantReader> readers = new HashMap<>();
    private final Map<String, Connection> connections = new HashMap<>();
    private ClickHouseServer server;
    private Connection admin;

    private TenantEngine(Path dataDir) {
        this.dataDir = dataDir;
    }

    static TenantEngine start(Seed seed, String... tenants) throws Exception {
        Path work = Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(work);
        TenantEngine engine = new TenantEngine(work.resolve("clickhouse"));
        engine.server = ClickHouseServer.start(engine.dataDir);
        ClickHouseMigrations.apply(engine.server.jdbcUrl(), "default", "");
        engine.admin = DriverManager.getConnection(engine.server.jdbcUrl(), "default", "");
        seed.into(engine.admin);
        for (String tenant : tenants) {
            engine.readers.put(tenant, TenantReaders.add(engine.admin, engine.server.usersDir(), tenant));
        }
        engine.admin.close();
        engine.server.close();
        engine.server = ClickHouseServer.start(engine.dataDir);
        engine.admin = DriverManager.getConnection(engine.server.jdbcUrl(), "default", "");
        return engine;
    }

    /** The engine's own user: all rights, every tenant. */
    Connection admin() {
        return admin;
    }

    /** One connection per tenant, as its reader. */
    Connection reader(String tenant) throws SQLException {
        Connection open = connections.get(tenant);
        if (open == null) {
            open = connect(tenant);
            connections.put(tenant, open);
        }
        return open;
    }

    /** A connection of its own, for a test that changes its session. */
    Connection connect(String tenant) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), tenant, readers.get(tenant).password());
    }

    TenantReader readerOf(String tenant) {
        return readers.get(tenant);
    }

    ClickHouseServer server() {
        return server;
    }

    @Override
    public void close() throws SQLException {
        for (Connection c : connections.values()) {
            c.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
