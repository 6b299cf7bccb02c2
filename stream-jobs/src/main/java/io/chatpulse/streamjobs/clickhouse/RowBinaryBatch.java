package io.chatpulse.streamjobs.clickhouse;

import com.clickhouse.client.api.data_formats.RowBinaryFormatWriter;
import com.clickhouse.client.api.metadata.TableSchema;
import com.clickhouse.data.ClickHouseColumn;
import com.clickhouse.data.ClickHouseFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * Rows of one table encoded as ClickHouse's RowBinary by client-v2's {@link RowBinaryFormatWriter},
 * ready to be sent as one insert: binary rows cost the engine far less to read than SQL text, and the
 * job nothing to escape. The writer checks each value against its column's type when the row ends (a
 * negative UInt, an unknown Enum8 name, NULL in a column that is not Nullable). What stays here: a
 * binding must set every column, in order, and the integers it gives for times and booleans (what
 * ClickHouse stores) become the {@link Instant} and Boolean the writer takes.
 */
final class RowBinaryBatch implements InsertRow {

    private final String table;
    private final List<ClickHouseColumn> columns;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final RowBinaryFormatWriter writer;
    private int nextColumn = 1;

    /** {@code columns} as the server describes them, in the insert's column order. */
    RowBinaryBatch(String table, List<ClickHouseColumn> columns) {
        this.table = table;
        this.columns = columns;
        this.writer = new RowBinaryFormatWriter(bytes, new TableSchema(columns), ClickHouseFormat.RowBinary);
    }

    /** Ends the row whose columns were just set; every column must have been, each with a value it can hold. */
    void endRow() {
        if (nextColumn != columns.size() + 1) {
            throw new IllegalStateException(table + ": a row set " + (nextColumn - 1) + " of its "
                    + columns.size() + " columns");
        }
        nextColumn = 1;
        try {
            writer.commitRow();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(table + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int rows() {
        return writer.getRowCount();
    }

    void writeTo(OutputStream out) throws IOException {
        bytes.writeTo(out);
    }

    @Override
    public void setString(int column, String value) {
        writer.setString(due(column), value);
    }

    @Override
    public void setLong(int column, long value) {
        ClickHouseColumn type = columns.get(due(column) - 1);
        switch (type.getDataType()) {
            case DateTime64 -> writer.setValue(column, epoch(value, type.getScale()));
            case DateTime, DateTime32 -> writer.setValue(column, Instant.ofEpochSecond(value));
            case Bool -> writer.setBoolean(column, value != 0);
            default -> writer.setLong(column, value);
        }
    }

    @Override
    public void setInt(int column, int value) {
        setLong(column, value);
    }

    @Override
    public void setDouble(int column, double value) {
        writer.setDouble(due(column), value);
    }

    @Override
    public void setNull(int column) {
        writer.setValue(due(column), null);
    }

    /** The bindings set columns as a PreparedStatement's parameters; one out of order is a bug in a binding. */
    private int due(int column) {
        if (column != nextColumn) {
            throw new IllegalStateException(table + ": column " + column + " set where column " + nextColumn
                    + " (" + columns.get(nextColumn - 1).getColumnName() + ") was due");
        }
        nextColumn++;
        return column;
    }

    /** A DateTime64 of {@code scale} digits after the second, from the integer it is stored as. */
    private static Instant epoch(long value, int scale) {
        long perSecond = (long) Math.pow(10, scale);
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond),
                Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
    }
}
