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
 * Rows of one table encoded by client-v2's own {@link RowBinaryFormatWriter}, the alternative to
 * {@link RowBinaryBatch} that decision 36 measures. The tables' bindings set the integer ClickHouse
 * stores (epoch milliseconds, 0 or 1); the client's writer wants an {@link Instant} for a DateTime and a
 * Boolean for a Bool, so those are converted here.
 */
final class ClientRowWriter implements InsertRow {

    private final List<ClickHouseColumn> columns;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private final RowBinaryFormatWriter writer;

    /** {@code columns} as the server describes them, in the insert's column order. */
    ClientRowWriter(List<ClickHouseColumn> columns) {
        this.columns = columns;
        this.writer = new RowBinaryFormatWriter(bytes, new TableSchema(columns), ClickHouseFormat.RowBinary);
    }

    void endRow() {
        try {
            writer.commitRow();
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
        writer.setString(column, value);
    }

    @Override
    public void setLong(int column, long value) {
        ClickHouseColumn type = columns.get(column - 1);
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
        writer.setDouble(column, value);
    }

    @Override
    public void setNull(int column) {
        writer.setValue(column, null);
    }

    /** A DateTime64 of {@code scale} digits after the second, as the integer it is stored as. */
    private static Instant epoch(long value, int scale) {
        long perSecond = (long) Math.pow(10, scale);
        return Instant.ofEpochSecond(Math.floorDiv(value, perSecond),
                Math.floorMod(value, perSecond) * (1_000_000_000L / perSecond));
    }
}
