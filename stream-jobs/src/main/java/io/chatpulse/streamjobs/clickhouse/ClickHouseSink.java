package io.chatpulse.streamjobs.clickhouse;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * Batched inserts into one ClickHouse table over clickhouse-jdbc. At-least-once: every row handed
 * to the writer before a checkpoint is inserted before that checkpoint completes. The tables are
 * ReplacingMergeTrees keyed on each figure's natural key, so rows inserted again after a restore
 * replace themselves, and the figures read with FINAL are exact.
 */
public final class ClickHouseSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;

    private final ClickHouseSettings settings;
    private final ClickHouseTable<T> table;

    public ClickHouseSink(ClickHouseSettings settings, ClickHouseTable<T> table) {
        this.settings = settings;
        this.table = table;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) {
        return new ClickHouseSinkWriter<>(settings, table, context.getProcessingTimeService());
    }
}
