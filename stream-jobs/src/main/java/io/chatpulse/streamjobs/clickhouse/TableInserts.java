package io.chatpulse.streamjobs.clickhouse;

import com.clickhouse.client.api.ClickHouseException;
import com.clickhouse.client.api.Client;
import com.clickhouse.client.api.insert.InsertResponse;
import com.clickhouse.client.api.insert.InsertSettings;
import com.clickhouse.data.ClickHouseColumn;
import com.clickhouse.data.ClickHouseFormat;
import com.clickhouse.jdbc.ConnectionImpl;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's rows on their way into ClickHouse: a buffer that belongs to the task's mailbox thread,
 * and batches handed to an insert thread of the table's own, inserted in the order handed over (one
 * RowBinary insert each, encoded and sent by the JDBC connection's client-v2 client, with retries). A batch handed over is no longer touched by the mailbox thread.
 */
final class TableInserts<T> {

    private static final Logger log = LoggerFactory.getLogger(TableInserts.class);
    private static final long CLOSE_TIMEOUT_S = 30;

    private final ClickHouseSettings settings;
    private final ClickHouseTable<T> table;
    private final ExecutorService inserter;
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private List<T> buffer = new ArrayList<>();
    private Connection connection;
    private List<ClickHouseColumn> columns;

    TableInserts(ClickHouseSettings settings, ClickHouseTable<T> table) {
        this.settings = settings;
        this.table = table;
        this.inserter = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "clickhouse-insert-" + table.name());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Buffers a row; a full buffer goes to the insert thread, waiting first if a batch is queued there. */
    void add(T row) throws IOException, InterruptedException {
        buffer.add(row);
        if (buffer.size() >= settings.batchSize()) {
            while (pending.size() > 1) {
                awaitOldest();
            }
            handOver();
        }
    }

    /** Hands the buffer over if the insert thread has nothing to do (a busy one takes it next time). */
    void handOverIfIdle() throws IOException, InterruptedException {
        while (!pending.isEmpty() && pending.peekFirst().isDone()) {
            awaitOldest();
        }
        if (pending.isEmpty()) {
            handOver();
        }
    }

    /** Hands the buffer over, behind any batch still being inserted. */
    void handOver() {
        if (buffer.isEmpty()) {
            return;
        }
        List<T> batch = buffer;
        buffer = new ArrayList<>();
        pending.addLast(inserter.submit(() -> {
            insertWithRetries(batch);
            return null;
        }));
    }

    /** Returns once every batch handed over is inserted; the first failure fails the caller (the task). */
    void awaitAll() throws IOException, InterruptedException {
        while (!pending.isEmpty()) {
            awaitOldest();
        }
    }

    void close() throws InterruptedException {
        inserter.shutdownNow();
        inserter.awaitTermination(CLOSE_TIMEOUT_S, TimeUnit.SECONDS);
        closeConnection();
    }

    private void awaitOldest() throws IOException, InterruptedException {
        Future<?> oldest = pending.removeFirst();
        try {
            oldest.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(cause.getMessage(), cause);
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

    private void insert(List<T> rows) throws SQLException, InterruptedException {
        RowBinaryBatch batch = new RowBinaryBatch(table.name(), columns());
        for (T row : rows) {
            table.bind(batch, row);
            batch.endRow();
        }
        try (InsertResponse ignored = client().insert(table.name(), table.columns(), batch::writeTo,
                ClickHouseFormat.RowBinary, new InsertSettings()).get()) {
            log.debug("inserted {} rows into {}", batch.rows(), table.name());
        } catch (ExecutionException e) {
            throw new SQLException(e.getCause().getMessage(), e.getCause());
        } catch (ClickHouseException e) {
            // The client fails a synchronous insert by throwing, an asynchronous one through its future.
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** The insert's columns typed as the server describes them, once a connection: they decide the encoding. */
    private List<ClickHouseColumn> columns() throws SQLException {
        if (columns == null) {
            Map<String, String> types = new HashMap<>();
            try (Statement describe = connection().createStatement();
                 ResultSet described = describe.executeQuery("DESCRIBE TABLE " + table.name())) {
                while (described.next()) {
                    types.put(described.getString("name"), described.getString("type"));
                }
            }
            List<ClickHouseColumn> found = new ArrayList<>();
            for (String column : table.columns()) {
                String type = types.get(column);
                if (type == null) {
                    throw new IllegalStateException("table " + table.name() + " has no column " + column
                            + " (are the migrations applied?)");
                }
                found.add(ClickHouseColumn.of(column, type));
            }
            columns = found;
        }
        return columns;
    }

    private Client client() throws SQLException {
        return connection().unwrap(ConnectionImpl.class).getClient();
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
            columns = null;
        }
    }
}
