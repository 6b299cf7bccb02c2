package io.chatpulse.streamjobs.clickhouse;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Rows of one table encoded as ClickHouse's RowBinary, ready to be sent as one insert. Binary rows
 * cost the engine far less to read than SQL text, and the job nothing to escape.
 */
final class RowBinaryBatch implements InsertRow {

    private final String table;
    private final List<String> columns;
    private final List<ColumnEncoder> encoders;
    private final RowBuffer buffer = new RowBuffer();
    private int nextColumn = 1;
    private int rows;

    /** {@code encoders} in the order of {@code columns}, which is the insert's column order. */
    RowBinaryBatch(String table, List<String> columns, List<ColumnEncoder> encoders) {
        if (columns.size() != encoders.size()) {
            throw new IllegalArgumentException(table + ": " + columns.size() + " columns, " + encoders.size() + " types");
        }
        this.table = table;
        this.columns = columns;
        this.encoders = encoders;
    }

    /** Ends the row whose columns were just set; every column must have been. */
    void endRow() {
        if (nextColumn != columns.size() + 1) {
            throw new IllegalStateException(table + ": a row set " + (nextColumn - 1) + " of its "
                    + columns.size() + " columns");
        }
        nextColumn = 1;
        rows++;
    }

    int rows() {
        return rows;
    }

    void writeTo(OutputStream out) throws IOException {
        buffer.writeTo(out);
    }

    @Override
    public void setString(int column, String value) {
        encoder(column).writeString(buffer, value);
    }

    @Override
    public void setLong(int column, long value) {
        encoder(column).writeLong(buffer, value);
    }

    @Override
    public void setInt(int column, int value) {
        encoder(column).writeLong(buffer, value);
    }

    @Override
    public void setDouble(int column, double value) {
        encoder(column).writeDouble(buffer, value);
    }

    @Override
    public void setNull(int column) {
        encoder(column).writeNull(buffer);
    }

    /** RowBinary has no column markers: a value set out of order would land in the wrong column. */
    private ColumnEncoder encoder(int column) {
        if (column != nextColumn) {
            throw new IllegalStateException(table + ": column " + column + " set where column " + nextColumn
                    + " (" + columns.get(nextColumn - 1) + ") was due");
        }
        nextColumn++;
        return encoders.get(column - 1);
    }
}
