package io.chatpulse.streamjobs.clickhouse;

import java.io.Serializable;
import java.util.List;

/** Where rows of type {@code T} go: a table, its columns in insert order, and how a row binds to them. */
public final class ClickHouseTable<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Sets the columns 1..n of the row, in the order of the columns. */
    @FunctionalInterface
    public interface RowBinder<T> extends Serializable {
        void bind(InsertRow insert, T row);
    }

    private final String name;
    private final List<String> columns;
    private final RowBinder<T> binder;

    public ClickHouseTable(String name, List<String> columns, RowBinder<T> binder) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.binder = binder;
    }

    public String name() {
        return name;
    }

    public List<String> columns() {
        return columns;
    }

    void bind(InsertRow insert, T row) {
        binder.bind(insert, row);
    }
}
