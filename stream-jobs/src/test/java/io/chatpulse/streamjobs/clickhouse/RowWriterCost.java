package io.chatpulse.streamjobs.clickhouse;

import com.clickhouse.data.ClickHouseColumn;
import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.schema.ClickHouseMigrations;
import io.chatpulse.streamjobs.ClickHouseRows;
import io.chatpulse.streamjobs.conversation.Activity;
import io.chatpulse.streamjobs.conversation.KpiTables;
import io.chatpulse.streamjobs.conversation.QueueWait;
import io.chatpulse.streamjobs.conversation.ReplyTime;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Decision 36's second measure: the CPU one thread spends encoding the same rows with our
 * {@link RowBinaryBatch} and with client-v2's writer ({@link ClientRowWriter}), in batches of 5,000
 * as the sink sends them, rounds alternating which goes first; and whether both give the same bytes.
 * The column types are DESCRIBE TABLE's of a migrated engine. Thread CPU time, not wall time: the
 * machine is shared. {@code java -cp <stream-jobs test classpath> ...clickhouse.RowWriterCost [rows] [rounds]}
 */
public final class RowWriterCost {

    private static final int BATCH = 5_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private RowWriterCost() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        try (ClickHouseServer engine = ClickHouseServer.start(Path.of("target", "it-data", "row-writer-" + System.nanoTime()))) {
            ClickHouseMigrations.apply(engine.jdbcUrl(), "default", "");
            long t0 = 1_790_000_000_123L;
            Activity.Kind[] kinds = Activity.Kind.values();
            compare(engine, KpiTables.ACTIVITY, IntStream.range(0, rows).mapToObj(i -> new Activity("backfill-1-" + (i % 20),
                    "queue-" + (i % 7), "conv-" + i / 8, "event-" + i, kinds[i % kinds.length], i % 3 == 0 ? "" : "agent-" + (i % 40),
                    t0 + i)).toList(), rounds);
            compare(engine, KpiTables.REPLY_TIMES, IntStream.range(0, rows).mapToObj(i -> new ReplyTime("backfill-1-" + (i % 20),
                    "queue-" + (i % 7), "conv-" + i / 3, "agent-" + (i % 40), t0 + i, t0 + i + 30_000, 30_000, 20_000)).toList(), rounds);
            compare(engine, KpiTables.QUEUE_WAITS, IntStream.range(0, rows).mapToObj(i -> new QueueWait("backfill-1-" + (i % 20),
                    "queue-" + (i % 7), "conv-" + i, t0 + i, t0 + i + 1_500,
                    i % 5 == 0 ? QueueWait.Outcome.ABANDONED : QueueWait.Outcome.ANSWERED, i % 5 == 0 ? "" : "agent-" + (i % 40),
                    1_500)).toList(), rounds);
        }
        System.exit(0);
    }

    private static <T> void compare(ClickHouseServer engine, ClickHouseTable<T> table, List<T> rows, int rounds) throws Exception {
        List<List<String>> described = ClickHouseRows.query(engine.jdbcUrl(), "DESCRIBE TABLE " + table.name());
        List<String> types = table.columns().stream().map(column -> described.stream()
                .filter(row -> row.get(0).equals(column)).findFirst().orElseThrow().get(1)).toList();
        List<ColumnEncoder> encoders = types.stream().map(ColumnEncoder::of).toList();
        List<ClickHouseColumn> columns = IntStream.range(0, types.size())
                .mapToObj(i -> ClickHouseColumn.of(table.columns().get(i), types.get(i))).toList();

        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        ByteArrayOutputStream theirs = new ByteArrayOutputStream();
        encodeOurs(table, rows, encoders, ours);
        encodeClients(table, rows, columns, theirs);
        boolean same = Arrays.equals(ours.toByteArray(), theirs.toByteArray());

        StringBuilder oursNs = new StringBuilder();
        StringBuilder clientNs = new StringBuilder();
        for (int round = 0; round < rounds; round++) {
            for (int turn = 0; turn < 2; turn++) {
                boolean oursNow = (round + turn) % 2 == 0;
                long start = CPU.getCurrentThreadCpuTime();
                if (oursNow) {
                    encodeOurs(table, rows, encoders, OutputStream.nullOutputStream());
                } else {
                    encodeClients(table, rows, columns, OutputStream.nullOutputStream());
                }
                long nsPerRow = (CPU.getCurrentThreadCpuTime() - start) / rows.size();
                (oursNow ? oursNs : clientNs).append(nsPerRow).append(' ');
            }
        }
        System.out.printf(Locale.ROOT, "%-22s %,d rows, %,d bytes; same bytes: %s; CPU ns a row, round by round:"
                + " ours %s| client-v2 %s%n", table.name(), rows.size(), ours.size(), same, oursNs, clientNs);
    }

    private static <T> void encodeOurs(ClickHouseTable<T> table, List<T> rows, List<ColumnEncoder> encoders,
                                       OutputStream out) throws Exception {
        for (int from = 0; from < rows.size(); from += BATCH) {
            RowBinaryBatch batch = new RowBinaryBatch(table.name(), table.columns(), encoders);
            for (T row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                table.bind(batch, row);
                batch.endRow();
            }
            batch.writeTo(out);
        }
    }

    private static <T> void encodeClients(ClickHouseTable<T> table, List<T> rows, List<ClickHouseColumn> columns,
                                          OutputStream out) throws Exception {
        for (int from = 0; from < rows.size(); from += BATCH) {
            ClientRowWriter batch = new ClientRowWriter(columns);
            for (T row : rows.subList(from, Math.min(rows.size(), from + BATCH))) {
                table.bind(batch, row);
                batch.endRow();
            }
            batch.writeTo(out);
        }
    }
}
