package io.chatpulse.streamjobs.clickhouse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers rows and inserts them as JDBC batches on an insert thread of its own, one batch at a time,
 * so that the task goes on reading and computing while ClickHouse answers (the KPI job's sinks share
 * its thread: eight inserts in a row would hold every figure back). The buffer belongs to the task's
 * mailbox thread (writes, the flush timer, checkpoint flushes); a batch handed to the insert thread
 * is no longer touched there. A full buffer waits for the batch before it, and a checkpoint flush
 * waits until everything written before it is inserted, so a completed checkpoint still means every
 * row before it is in ClickHouse. A batch that fails after its retries fails the task at the next
 * write, timer or flush.
 */
final class ClickHouseSinkWriter<T> implements SinkWriter<T> {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSinkWriter.class);
    private static final long CLOSE_TIMEOUT_S = 30;

    private final ClickHouseSettings settings;
    private final ClickHouseTable<T> table;
    private final ProcessingTimeService timers;
    private final ExecutorService inserter;
    private List<T> buffer = new ArrayList<>();
    private Future<?> inFlight;
    private Connection connection;
    private boolean closed;

    ClickHouseSinkWriter(ClickHouseSettings settings, ClickHouseTable<T> table, ProcessingTimeService timers) {
        this.settings = settings;
        this.table = table;
        this.timers = timers;
        this.inserter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clickhouse-insert-" + table.name());
            thread.setDaemon(true);
            return thread;
        });
        scheduleFlush();
    }

    @Override
    public void write(T row, Context context) throws IOException, InterruptedException {
        buffer.add(row);
        if (buffer.size() >= settings.batchSize()) {
            awaitInFlight();
            handOver();
        }
    }

    /** Called before every checkpoint barrier and at the end of input: returns once all is inserted. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        awaitInFlight();
        handOver();
        awaitInFlight();
    }

    @Override
    public void close() throws Exception {
        closed = true;
        inserter.shutdownNow();
        inserter.awaitTermination(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
        closeConnection();
    }

    private void scheduleFlush() {
        long interval = settings.flushInterval().toMillis();
        timers.registerTimer(timers.getCurrentProcessingTime() + interval, now -> {
            if (!closed) {
                // A batch still in flight takes the rows of this tick along next time.
                if (inFlight == null || inFlight.isDone()) {
                    awaitInFlight();
                    handOver();
                }
                scheduleFlush();
            }
        });
    }

    private void handOver() {
        if (buffer.isEmpty()) {
            return;
        }
        List<T> batch = buffer;
        buffer = new ArrayList<>();
        inFlight = inserter.submit(() -> {
            insertWithRetries(batch);
            return null;
        });
    }

    /** Waits for the batch in flight; its failure fails the caller, and so the task. */
    private void awaitInFlight() throws IOException, InterruptedException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
        } finally {
            inFlight = null;
        }
    }

    /** On the insert thread. */
    private void insertWithRetries(List<T> batch) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                insert(batch);
                return;
            } catch (SQLException e) {
                closeConnection();
                if (attempt >= settings.maxRetries()) {
                    throw new IOException("cannot insert " + batch.size() + " rows into " + table.name()
                            + " after " + (attempt + 1) + " attempts: " + e.getMessage(), e);
                }
                long wait = settings.backoff(attempt + 1).toMillis();
                log.warn("insert of {} rows into {} failed ({}), retrying in {} ms",
                        batch.size(), table.name(), e.getMessage(), wait);
                Thread.sleep(wait);
            }
        }
    }

    private void insert(List<T> rows) throws SQLException {
        try (PreparedStatement insert = connection().prepareStatement(table.insertSql())) {
            // No JDBC escapes in these inserts; with escape processing on, the driver runs its regular
            // expressions over the whole batch's SQL text (a third of the insert thread's time).
            insert.setEscapeProcessing(false);
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
