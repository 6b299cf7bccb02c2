package io.chatpulse.streamjobs.clickhouse;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Where rows of type {@code T} go: a table, its columns in insert order, and how a row binds to them. */
public final class ClickHouseTable<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Sets the parameters 1..n of the insert, in the order of the columns. */
    @FunctionalInterface
    public interface RowBinder<T> extends Serializable {
        void bind(PreparedStatement insert, T row) throws SQLException;
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

    public String insertSql() {
        return "INSERT INTO " + name + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
    }

    void bind(PreparedStatement insert, T row) throws SQLException {
        binder.bind(insert, row);
    }
}
