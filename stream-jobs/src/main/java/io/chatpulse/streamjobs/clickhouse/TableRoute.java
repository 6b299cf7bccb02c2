package io.chatpulse.streamjobs.clickhouse;

import java.io.Serializable;

/** Which part of a sink's record goes into a table: {@code pick} gives the row, or null for none. */
public record TableRoute<R, T>(ClickHouseTable<T> table, Pick<R, T> pick) implements Serializable {

    /** The row of the table in a record, null if the record has none for it. */
    @FunctionalInterface
    public interface Pick<R, T> extends Serializable {
        T rowOf(R record);
    }
}
