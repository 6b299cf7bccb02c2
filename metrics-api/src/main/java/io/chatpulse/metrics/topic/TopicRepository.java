package io.chatpulse.metrics.topic;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the topic views of migration V060 (topic_heat_map, topic_live_cells), whose arithmetic is
 * theirs alone. Tenant, period, timezone and queue are bound parameters, never part of the SQL text.
 */
@Repository
class TopicRepository {

    private static final String ARGS = "(tenant = ?, from = fromUnixTimestamp64Milli(?), to = fromUnixTimestamp64Milli(?),"
            + " queue = ?";

    private final JdbcClient jdbc;

    TopicRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<HeatMap.Cell> heatMap(String tenant, Instant from, Instant to, ZoneId zone, String queue) {
        return jdbc.sql("SELECT weekday, hour, topic, messages, conversations FROM topic_heat_map" + ARGS + ", tz = ?)"
                        + " ORDER BY weekday, hour, topic")
                .params(tenant, from.toEpochMilli(), to.toEpochMilli(), queue, zone.getId())
                .query((rs, n) -> new HeatMap.Cell(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Each cell's start as epoch ms, with its counts. */
    List<LiveCell> liveCells(String tenant, Instant from, Instant to, String queue) {
        return jdbc.sql("SELECT toUnixTimestamp(cell) * 1000, topic, messages, conversations FROM topic_live_cells" + ARGS
                        + ") ORDER BY 1, topic")
                .params(tenant, from.toEpochMilli(), to.toEpochMilli(), queue)
                .query((rs, n) -> new LiveCell(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    record LiveCell(long startMs, String topic, long messages, long conversations) {
    }
}
