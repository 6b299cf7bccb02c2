package io.chatpulse.streamjobs.clickhouse;

import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Batched inserts into ClickHouse tables over clickhouse-jdbc: one table, or several fed from one
 * record type ({@link TableRoute}), so that a job with many tables flushes them together at a
 * checkpoint. At-least-once: every row handed to the writer before a checkpoint is inserted before
 * that checkpoint completes. The tables are ReplacingMergeTrees keyed on each figure's natural key,
 * so rows inserted again after a restore replace themselves, and the figures read with FINAL are exact.
 */
public final class ClickHouseSink<R> implements Sink<R> {

    private static final long serialVersionUID = 1L;

    private final ClickHouseSettings settings;
    private final List<TableRoute<R, ?>> routes;

    public ClickHouseSink(ClickHouseSettings settings, List<TableRoute<R, ?>> routes) {
        this.settings = settings;
        this.routes = List.copyOf(routes);
    }

    /** Every record a row of the one table. */
    public ClickHouseSink(ClickHouseSettings settings, ClickHouseTable<R> table) {
        this(settings, List.of(new TableRoute<R, R>(table, row -> row)));
    }

    @Override
    public SinkWriter<R> createWriter(WriterInitContext context) {
        return new ClickHouseSinkWriter<>(settings, routes, context.getProcessingTimeService());
    }
}
