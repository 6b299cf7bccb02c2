package io.chatpulse.metrics.drilldown;

import io.chatpulse.metrics.report.ReportProperties;
import io.chatpulse.metrics.report.ReportQuery;
import io.chatpulse.metrics.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads {@code report_figure_rows} (R__views.sql): the rows behind a figure, with the report views'
 * filter. Every value from the request is a bound parameter. Ordered by completion time then
 * conversation, so paging and exports are stable.
 */
@Repository
public class DrilldownRepository {

    private static final String ROWS = """
            SELECT conversation_id, queue_id, agent_id, started_ms, completed_ms, value, detail
            FROM report_figure_rows(tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?),
                 queue = ?, agent = ?, channel = ?, reason = ?, figure = ?, over = ?, under = ?)
            ORDER BY completed_ms, conversation_id, started_ms""";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public DrilldownRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ReportProperties properties) {
        this.jdbc = jdbc;
        // Its own template: a fetch size so the driver hands rows over as they arrive.
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(properties.exportFetchSize());
    }

    public List<FigureRow> page(DrilldownQuery query, int limit, long offset) {
        return statement(query, ROWS + "\nLIMIT ? OFFSET ?").param(limit).param(offset)
                .query((rs, n) -> row(rs)).list();
    }

    /** Every row, handed over one by one as the engine sends them, never all in memory. */
    public void stream(DrilldownQuery query, Consumer<FigureRow> sink) {
        ReportQuery r = query.report();
        streaming.query(ROWS, rs -> {
            sink.accept(row(rs));
        }, r.tenant().id(), r.period().from().toEpochMilli(), r.period().to().toEpochMilli(),
                r.filters().queueId(), r.filters().agentId(), r.filters().channel(), r.filters().contactReason(),
                query.figure().id(),
                query.over(), query.under());
    }

    private JdbcClient.StatementSpec statement(DrilldownQuery query, String sql) {
        ReportQuery r = query.report();
        return jdbc.sql(sql)
                .param(r.tenant().id())
                .param(r.period().from().toEpochMilli())
                .param(r.period().to().toEpochMilli())
                .param(r.filters().queueId())
                .param(r.filters().agentId())
                .param(r.filters().channel())
                .param(r.filters().contactReason())
                .param(query.figure().id())
                .param(query.over())
                .param(query.under());
    }

    private static FigureRow row(ResultSet rs) throws SQLException {
        return new FigureRow(rs.getString("conversation_id"), rs.getString("queue_id"), rs.getString("agent_id"),
                Timestamps.iso(rs.getLong("started_ms")), Timestamps.iso(rs.getLong("completed_ms")),
                rs.getLong("value"), rs.getString("detail"));
    }
}
