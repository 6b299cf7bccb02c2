package io.chatpulse.metrics.queue;

import io.chatpulse.metrics.tenancy.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the summary views queue_wait_summary and first_response_summary (R__views.sql), per queue
 * projections of the report views: the arithmetic (quantiles, mean) is theirs alone, so the API,
 * its reports and the Grafana panels cannot disagree. Tenant, period and queue are bound
 * parameters; the period goes in as epoch milliseconds so no time zone is involved.
 */
@Repository
public class QueueSummaryRepository {

    private static final String QUEUE_WAIT = """
            SELECT queue_id, answered AS n, median_ms, p90_ms, p99_ms, mean_ms
            FROM queue_wait_summary(tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?))""";

    private static final String FIRST_RESPONSE = """
            SELECT queue_id, responses AS n, median_ms, p90_ms, p99_ms, mean_ms
            FROM first_response_summary(tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?))""";

    private static final String ONE_QUEUE = "\nWHERE queue_id = ?";
    private static final String ORDER = "\nORDER BY queue_id";

    private final JdbcClient jdbc;

    public QueueSummaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queue wait distribution of answered conversations per queue, ordered by queue id. */
    public Map<String, Distribution> queueWaits(Tenant tenant, SummaryPeriod period, Optional<String> queueId) {
        return query(QUEUE_WAIT, tenant, period, queueId);
    }

    public Map<String, Distribution> firstResponses(Tenant tenant, SummaryPeriod period, Optional<String> queueId) {
        return query(FIRST_RESPONSE, tenant, period, queueId);
    }

    private Map<String, Distribution> query(String view, Tenant tenant, SummaryPeriod period, Optional<String> queueId) {
        JdbcClient.StatementSpec statement = jdbc.sql(view + (queueId.isPresent() ? ONE_QUEUE : "") + ORDER)
                .param(tenant.id())
                .param(period.from().toEpochMilli())
                .param(period.to().toEpochMilli());
        if (queueId.isPresent()) {
            statement = statement.param(queueId.get());
        }
        Map<String, Distribution> byQueue = new LinkedHashMap<>();
        statement.query(rs -> {
            byQueue.put(rs.getString("queue_id"), distribution(rs));
        });
        return byQueue;
    }

    private static Distribution distribution(ResultSet rs) throws SQLException {
        return new Distribution(rs.getLong("n"), rs.getDouble("median_ms"), rs.getDouble("p90_ms"),
                rs.getDouble("p99_ms"), rs.getDouble("mean_ms"));
    }
}
