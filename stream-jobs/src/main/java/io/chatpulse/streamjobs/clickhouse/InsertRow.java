package io.chatpulse.streamjobs.clickhouse;

/**
 * The values of one row being inserted, set column by column in insert order (1..n), as a
 * {@link java.sql.PreparedStatement}'s parameters would be. An integer is what ClickHouse stores for
 * the column: epoch milliseconds for a DateTime64(3), epoch seconds for a DateTime, 0 or 1 for a Bool.
 * A value the column cannot hold (a negative UInt, an unknown Enum8 name) is an
 * {@link IllegalArgumentException}: a bug in the table's binding, not something a retry fixes.
 */
public interface InsertRow {

    void setString(int column, String value);

    void setLong(int column, long value);

    void setInt(int column, int value);

    void setDouble(int column, double value);

    /** NULL, for a Nullable column. */
    void setNull(int column);
}
