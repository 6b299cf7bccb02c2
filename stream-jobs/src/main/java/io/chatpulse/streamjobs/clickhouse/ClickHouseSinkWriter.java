package io.chatpulse.streamjobs.clickhouse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Routes each record's rows to their tables' {@link TableInserts}, whose insert threads let the task
 * go on reading and computing while ClickHouse answers. Everything here runs on the task's mailbox
 * thread (writes, the flush timer, checkpoint flushes). A checkpoint flush hands every table's
 * buffer over first and only then waits, so the tables are inserted side by side and the checkpoint
 * waits for the slowest, not for their sum; it returns once every row written before it is in
 * ClickHouse, so a completed checkpoint still means that. A batch that fails after its retries fails
 * the task at the next write, timer or flush.
 */
final class ClickHouseSinkWriter<R> implements SinkWriter<R> {

    private final ClickHouseSettings settings;
    private final ProcessingTimeService timers;
    private final List<Routed<R, ?>> tables = new ArrayList<>();
    private boolean closed;

    private record Routed<R, T>(TableRoute<R, T> route, TableInserts<T> inserts) {
        void add(R record) throws IOException, InterruptedException {
            T row = route.pick().rowOf(record);
            if (row != null) {
                inserts.add(row);
            }
        }
    }

    ClickHouseSinkWriter(ClickHouseSettings settings, List<TableRoute<R, ?>> routes, ProcessingTimeService timers) {
        this.settings = settings;
        this.timers = timers;
        for (TableRoute<R, ?> route : routes) {
            tables.add(routed(route));
        }
        scheduleFlush();
    }

    private <T> Routed<R, T> routed(TableRoute<R, T> route) {
        return new Routed<>(route, new TableInserts<>(settings, route.table()));
    }

    @Override
    public void write(R record, Context context) throws IOException, InterruptedException {
        for (Routed<R, ?> table : tables) {
            table.add(record);
        }
    }

    /** Called before every checkpoint barrier and at the end of input: returns once all is inserted. */
    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        for (Routed<R, ?> table : tables) {
            table.inserts().handOver();
        }
        for (Routed<R, ?> table : tables) {
            table.inserts().awaitAll();
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        for (Routed<R, ?> table : tables) {
            table.inserts().close();
        }
    }

    private void scheduleFlush() {
        long interval = settings.flushInterval().toMillis();
        timers.registerTimer(timers.getCurrentProcessingTime() + interval, now -> {
            if (!closed) {
                for (Routed<R, ?> table : tables) {
                    table.inserts().handOverIfIdle();
                }
                scheduleFlush();
            }
        });
    }
}
