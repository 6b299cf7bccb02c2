package io.chatpulse.streamjobs.clickhouse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows and inserts them as one JDBC batch. Everything here runs on the task's mailbox
 * thread (writes, the flush timer and checkpoint flushes), so the buffer needs no locking.
 */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSinkWriter.class);

    private final ClickHouseSettings settings;
    private final ClickHouseTable<T> table;
    private final ProcessingTimeService timers;
    private final List<T> buffer = new ArrayList<>();
    private Connection connection;
    private boolean closed;

    ClickHouseSinkWriter(ClickHouseSettings settings, ClickHouseTable<T> table, ProcessingTimeService timers) {
        this.settings = settings;
        this.table = table;
        this.timers = timers;
        scheduleFlush();
    }

    @Override
    public void write(T row, Context context) throws IOException, InterruptedException {
        buffer.add(row);
        if (buffer.size() >= settings.batchSize()) {
            insertBuffer();
        }
    }

    /** Called before every checkpoint barrier and at the end of input. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        insertBuffer();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        closeConnection();
    }

    private void scheduleFlush() {
        long interval = settings.flushInterval().toMillis();
        timers.registerTimer(timers.getCurrentProcessingTime() + interval, now -> {
            if (!closed) {
                insertBuffer();
                scheduleFlush();
            }
        });
    }

    private void insertBuffer() throws IOException, InterruptedException {
        if (buffer.isEmpty()) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                insert(buffer);
                buffer.clear();
                return;
            } catch (SQLException e) {
                closeConnection();
                if (attempt >= settings.maxRetries()) {
                    throw new IOException("cannot insert " + buffer.size() + " rows into " + table.name()
                            + " after " + (attempt + 1) + " attempts: " + e.getMessage(), e);
                }
                long wait = settings.backoff(attempt + 1).toMillis();
                log.warn("insert of {} rows into {} failed ({}), retrying in {} ms",
                        buffer.size(), table.name(), e.getMessage(), wait);
                Thread.sleep(wait);
            }
        }
    }

    private void insert(List<T> rows) throws SQLException {
        try (PreparedStatement insert = connection().prepareStatement(table.insertSql())) {
            for (T row : rows) {
                table.bind(insert, row);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = settings.connect();
            if (connection == null) {
                throw new SQLException("not a ClickHouse JDBC URL: " + settings.jdbcUrl());
            }
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing a broken ClickHouse connection", e);
            }
            connection = null;
        }
    }
}
