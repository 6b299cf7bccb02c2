package io.chatpulse.streamjobs.clickhouse;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * How the sink reaches ClickHouse and batches: a batch is written when it holds {@code batchSize}
 * rows, every {@code flushInterval}, and at every checkpoint. A failed insert is retried
 * {@code maxRetries} times, waiting {@code initialBackoff} and doubling up to {@code maxBackoff}.
 */
public record ClickHouseSettings(
        String jdbcUrl,
        String user,
        String password,
        int batchSize,
        Duration flushInterval,
        int maxRetries,
        Duration initialBackoff,
        Duration maxBackoff) implements Serializable {

    public ClickHouseSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max retries must not be negative: " + maxRetries);
        }
    }

    /** The wait before retry number {@code attempt} (1 = first retry): doubling, capped. */
    public Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis();
        for (int i = 1; i < attempt && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /**
     * A new connection as {@code user}. The driver directly, not DriverManager: DriverManager does
     * not see drivers of Flink's per-job (child-first) class loader. As {@link java.sql.Driver#connect},
     * null if {@code jdbcUrl} is not a ClickHouse JDBC URL.
     */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return new com.clickhouse.jdbc.ClickHouseDriver().connect(jdbcUrl, props);
    }
}
