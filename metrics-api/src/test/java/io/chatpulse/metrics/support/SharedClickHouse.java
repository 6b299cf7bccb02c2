package io.chatpulse.metrics.support;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.schema.ClickHouseMigrations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * One ClickHouse engine (chDB from local-stack) with the migrations applied, shared by the test
 * classes of this JVM that use it and stopped when the JVM ends: the machine has two cores.
 */
public final class SharedClickHouse {

    private static ClickHouseServer server;

    private SharedClickHouse() {
    }

    public static synchronized ClickHouseServer get() {
        if (server == null) {
            try {
                Path work = Path.of("target", "it-" + UUID.randomUUID()).toAbsolutePath();
                Files.createDirectories(work);
                ClickHouseServer started = ClickHouseServer.start(work.resolve("clickhouse"));
                Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-clickhouse"));
                ClickHouseMigrations.apply(started.jdbcUrl(), "default", "");
                server = started;
            } catch (Exception e) {
                throw new IllegalStateException("cannot start ClickHouse from local-stack", e);
            }
        }
        return server;
    }
}
