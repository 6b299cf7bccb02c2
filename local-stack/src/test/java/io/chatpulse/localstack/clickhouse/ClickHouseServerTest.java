package io.chatpulse.localstack.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.schema.ClickHouseMigrations;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickHouseServerTest {

    @TempDir
    Path dataDir;

    @Test
    void servesCurrentClickHouseOverHttpAndKeepsDataAcrossRestarts() throws Exception {
        try (ClickHouseServer server = ClickHouseServer.start(dataDir)) {
            assertThat(scalar(server, "SELECT version()")).startsWith("26.");
            assertThat(ClickHouseMigrations.apply(server.jdbcUrl(), "default", "")).isNotEmpty();
            execute(server, "INSERT INTO queue_waits VALUES ('t', 'q', 'c-1', now64(3), now64(3), 'answered', 'a', 1500)");
        }
        try (ClickHouseServer again = ClickHouseServer.start(dataDir)) {
            assertThat(scalar(again, "SELECT sum(wait_ms) FROM queue_waits")).isEqualTo("1500");
            assertThat(ClickHouseMigrations.apply(again.jdbcUrl(), "default", ""))
                    .as("migrations already applied are recorded and not run again").isEmpty();
        }
    }

    @Test
    void aSecondEngineOnTheSameFolderIsRefusedWithAClearError() {
        try (ClickHouseServer first = ClickHouseServer.start(dataDir)) {
            assertThatThrownBy(() -> ClickHouseServer.start(dataDir))
                    .hasMessageContaining("is in use by another ClickHouse engine");
            assertThat(first.isAlive()).isTrue();
        }
    }

    @Test
    void aPortInUseIsRefusedWithAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ClickHouseServer.start(dataDir, taken.getLocalPort()))
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("already in use");
        }
    }

    private static String scalar(ClickHouseServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "default", "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(ClickHouseServer server, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), "default", "");
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
