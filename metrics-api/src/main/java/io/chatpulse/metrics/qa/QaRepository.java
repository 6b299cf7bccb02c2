package io.chatpulse.metrics.qa;

import io.chatpulse.metrics.report.ReportProperties;
import io.chatpulse.metrics.report.ReportQuery;
import io.chatpulse.metrics.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the QA views (R__views.sql) with the reports' period and filters. Every value from the
 * request is a bound parameter. The arithmetic is the views'.
 */
@Repository
public class QaRepository {

    private static final String ARGS = """
            (tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?), queue = ?, agent = ?,
             channel = ?, reason = ?""";
    private static final String FAILED = """
            SELECT conversation_id, agent_id, queue_id, toUnixTimestamp64Milli(ended_at) AS ended_ms, score, event_id,
                   toUnixTimestamp64Milli(at) AS at_ms
            FROM qa_failed_conversations""" + ARGS + ", check = ?)\nORDER BY ended_ms DESC, conversation_id";

    private record Scored(long count, double mean) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public QaRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, ReportProperties properties) {
        this.jdbc = jdbc;
        // Its own template: a fetch size so the driver hands rows over as they arrive.
        this.streaming = new JdbcTemplate(jdbcTemplate.getDataSource());
        this.streaming.setFetchSize(properties.exportFetchSize());
    }

    /** Each agent's QA in the period, by agent id; agents without a scored stretch are absent. */
    public Map<String, AgentQa> agents(ReportQuery query) {
        Map<String, Scored> scored = new HashMap<>();
        args(jdbc.sql("SELECT agent_id, scored, mean_score FROM qa_agent_scores" + ARGS + ")"), query)
                .query(rs -> {
                    scored.put(rs.getString("agent_id"), new Scored(rs.getLong("scored"), rs.getDouble("mean_score")));
                });
        Map<String, Map<String, AgentQa.CheckFailures>> checks = new HashMap<>();
        args(jdbc.sql("SELECT agent_id, check_name, applicable, failures FROM qa_agent_check_failures" + ARGS + ")"),
                query).query(rs -> {
                    checks.computeIfAbsent(rs.getString("agent_id"), a -> new HashMap<>()).put(rs.getString("check_name"),
                            new AgentQa.CheckFailures(rs.getString("check_name"), rs.getLong("applicable"),
                                    rs.getLong("failures")));
                });
        Map<String, AgentQa> agents = new TreeMap<>();
        scored.forEach((agent, score) -> {
            Map<String, AgentQa.CheckFailures> byCheck = checks.getOrDefault(agent, Map.of());
            List<AgentQa.CheckFailures> all = QaChecks.NAMES.stream()
                    .map(name -> byCheck.getOrDefault(name, new AgentQa.CheckFailures(name, 0, 0))).toList();
            agents.put(agent, new AgentQa(score.count(), score.mean(), all));
        });
        return agents;
    }

    public List<FailedCheck> page(ReportQuery query, String check, int limit, long offset) {
        return args(jdbc.sql(FAILED + "\nLIMIT ? OFFSET ?"), query).param(check).param(limit).param(offset)
                .query((rs, n) -> row(rs)).list();
    }

    /** Every row, handed over one by one as the engine sends them, never all in memory. */
    public void stream(ReportQuery query, String check, Consumer<FailedCheck> sink) {
        streaming.query(FAILED, rs -> {
            sink.accept(row(rs));
        }, query.tenant().id(), query.period().from().toEpochMilli(), query.period().to().toEpochMilli(),
                query.filters().queueId(), query.filters().agentId(), query.filters().channel(),
                query.filters().contactReason(), check);
    }

    private static JdbcClient.StatementSpec args(JdbcClient.StatementSpec sql, ReportQuery query) {
        return sql.param(query.tenant().id())
                .param(query.period().from().toEpochMilli())
                .param(query.period().to().toEpochMilli())
                .param(query.filters().queueId())
                .param(query.filters().agentId())
                .param(query.filters().channel())
                .param(query.filters().contactReason());
    }

    private static FailedCheck row(ResultSet rs) throws SQLException {
        return new FailedCheck(rs.getString("conversation_id"), rs.getString("agent_id"), rs.getString("queue_id"),
                Timestamps.iso(rs.getLong("ended_ms")), rs.getDouble("score"), rs.getString("event_id"),
                Timestamps.iso(rs.getLong("at_ms")));
    }
}
