package io.chatpulse.streamjobs.alert;

import io.chatpulse.streamjobs.clickhouse.ClickHouseSettings;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/** How far the KPI job has stored each tenant's messages: the newest message event time per tenant. */
public interface KpiProgress extends Serializable, AutoCloseable {

    /** @throws SQLException when ClickHouse cannot be read: no progress can be seen then */
    Map<String, Long> newestStoredMessages() throws SQLException;

    @Override
    default void close() {
    }

    /** From {@code conversation_activity} (max needs no FINAL: a duplicate row has the same time). */
    static KpiProgress clickHouse(ClickHouseSettings settings) {
        return new KpiProgress() {
            private static final long serialVersionUID = 1L;
            private transient Connection connection;

            @Override
            public Map<String, Long> newestStoredMessages() throws SQLException {
                try (Statement st = connection().createStatement();
                     ResultSet rs = st.executeQuery("SELECT tenant_id, toUnixTimestamp64Milli(max(at))"
                             + " FROM conversation_activity WHERE kind IN ('customer_message', 'agent_message',"
                             + " 'bot_message') AND at >= now64(3) - INTERVAL 1 DAY GROUP BY tenant_id")) {
                    Map<String, Long> newest = new HashMap<>();
                    while (rs.next()) {
                        newest.put(rs.getString(1), rs.getLong(2));
                    }
                    return newest;
                } catch (SQLException e) {
                    close();
                    throw e;
                }
            }

            private Connection connection() throws SQLException {
                if (connection == null) {
                    connection = settings.connect();
                }
                return connection;
            }

            @Override
            public void close() {
                if (connection != null) {
                    try {
                        connection.close();
                    } catch (SQLException ignored) {
                        // a broken connection: a new one next time
                    }
                    connection = null;
                }
            }
        };
    }
}
