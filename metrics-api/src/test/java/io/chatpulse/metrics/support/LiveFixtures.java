package io.chatpulse.metrics.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Live rows of two tenants as stream-jobs' QueueMonitorJob writes them (QueueTables, AlertTables:
 * the same columns, epoch-ms times, version = as_of, oldest_queued_at NULL when nobody waits),
 * relative to the moment they are inserted. Inserted once per JVM.
 *
 * <pre>
 * northwind  billing  3 waiting, oldest queued 150 s ago (stored wait 149 s at as_of = now - 1 s),
 *                     agents 4 online / 1 available / 3 busy; an older row (as_of now - 3 s, 1 waiting)
 *                     that the latest replaces
 *            sales    nobody waits, agents 2 / 2 / 0
 *            archive  nobody waits, no agents, nothing today, not configured: only the history knows it
 *            today's waits, billing: answered in 10 s and 50 s, abandoned after 60 s, a short abandon
 *                     of 2 s, and yesterday an answer in 5 s (not today): service level 1 / 3
 *            alerts   queue_wait queue:billing FIRING 30 s ago (open); pipeline_stalled FIRING 20 s ago
 *                     (open); queue_wait queue:sales fired and resolved (closed); queue_wait
 *                     queue:archive FIRING in a replay 3 days ago (not live: not open)
 * initech    secret   9 waiting for 4242 s, agents 7 / 7 / 0, an answer of 4242421 ms today and an open
 *                     queue_wait queue:secret: nothing of it may show for northwind
 * umbrella   lobby    a row an hour old (the monitor stopped): 2 waiting, stored wait 200 s
 * contoso    {@link #DESK}: a desk of six queues at its busy hour, for the wallboard's screenshot
 * </pre>
 */
public final class LiveFixtures {

    public static final String TENANT = "northwind";
    public static final String OTHER_TENANT = "initech";
    public static final String STALE_TENANT = "umbrella";
    public static final String DESK_TENANT = "contoso";

    /**
     * One queue of contoso's desk: who waits and since when, its agents, today's answers within
     * 30 s, later and abandoned, and the forecast beside it (expected wait, agents needed; 0: none).
     */
    public record DeskQueue(String id, int waiting, int oldestWaitS, int online, int available, int busy,
                            int answeredSoon, int answeredLate, int abandoned, double forecastWaitS, int agentsNeeded) {
    }

    public static final List<DeskQueue> DESK = List.of(
            new DeskQueue("billing", 7, 185, 6, 0, 6, 58, 31, 6, 95, 9),
            new DeskQueue("technical-support", 4, 80, 8, 1, 7, 84, 17, 3, 35, 8),
            new DeskQueue("sales", 2, 25, 5, 2, 3, 66, 5, 1, 12, 4),
            new DeskQueue("returns", 1, 40, 3, 0, 3, 27, 4, 1, 28, 3),
            new DeskQueue("vip", 0, 0, 2, 1, 1, 19, 1, 0, 0, 0),
            new DeskQueue("onboarding", 0, 0, 2, 2, 0, 12, 0, 0, 0, 0));

    private static boolean inserted;

    private LiveFixtures() {
    }

    public static synchronized void insertOnce(String jdbcUrl) throws Exception {
        if (inserted) {
            return;
        }
        Instant now = Instant.now();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "default", "")) {
            state(connection, TENANT, "billing", now.minusSeconds(3), 1, now.minusSeconds(140), 4, 1, 3);
            state(connection, TENANT, "billing", now.minusSeconds(1), 3, now.minusSeconds(150), 4, 1, 3);
            forecast(connection, TENANT, "billing", now.minusSeconds(1), now.plusSeconds(20), 41.5, 6);
            state(connection, TENANT, "sales", now.minusSeconds(1), 0, null, 2, 2, 0);
            state(connection, TENANT, "archive", now.minusSeconds(1), 0, null, 0, 0, 0);
            state(connection, OTHER_TENANT, "secret", now.minusSeconds(1), 9, now.minusSeconds(4242), 7, 7, 0);
            state(connection, STALE_TENANT, "lobby", now.minusSeconds(3600), 2, now.minusSeconds(3800), 1, 0, 1);

            alert(connection, TENANT, "queue_wait", "queue:billing", "firing", now.minusSeconds(30), now.minusSeconds(30),
                    "Queue billing: a customer has waited 120 s for an agent (threshold 120 s)", false);
            alert(connection, TENANT, "pipeline_stalled", "pipeline", "firing", now.minusSeconds(20), now.minusSeconds(20),
                    "Pipeline stalled: figures have not advanced for 60 s", false);
            alert(connection, TENANT, "queue_wait", "queue:sales", "firing", now.minusSeconds(600), now.minusSeconds(600),
                    "Queue sales: a customer has waited 120 s for an agent (threshold 120 s)", false);
            alert(connection, TENANT, "queue_wait", "queue:sales", "resolved", now.minusSeconds(480), now.minusSeconds(600),
                    "Queue sales: no customer has waited over 120 s for 60 s", false);
            alert(connection, TENANT, "queue_wait", "queue:archive", "firing", now.minus(Duration.ofDays(3)),
                    now.minus(Duration.ofDays(3)), "Queue archive: replayed history", true);
            alert(connection, OTHER_TENANT, "queue_wait", "queue:secret", "firing", now.minusSeconds(40),
                    now.minusSeconds(40), "Queue secret: initech only", false);

            // Today (UTC) from its first milliseconds, so they are today whenever the test runs.
            Instant today = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
            try (Statement st = connection.createStatement()) {
                st.execute("INSERT INTO queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms) VALUES "
                        + wait(TENANT, "billing", "live-1", today, "answered", "a-1", 10_000) + ","
                        + wait(TENANT, "billing", "live-2", today.plusMillis(1), "answered", "a-2", 50_000) + ","
                        + wait(TENANT, "billing", "live-3", today.plusMillis(2), "abandoned", "", 60_000) + ","
                        + wait(TENANT, "billing", "live-4", today.plusMillis(3), "abandoned", "", 2_000) + ","
                        + wait(TENANT, "billing", "live-0", today.minusSeconds(1), "answered", "a-1", 5_000) + ","
                        + wait(OTHER_TENANT, "secret", "live-1", today, "answered", "i-1", 4_242_421));
            }
            desk(connection, now);
        }
        inserted = true;
    }

    private static void desk(Connection connection, Instant now) throws Exception {
        Instant asOf = now.minusSeconds(1);
        Instant today = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        List<String> waits = new ArrayList<>();
        for (DeskQueue q : DESK) {
            state(connection, DESK_TENANT, q.id(), asOf, q.waiting(),
                    q.waiting() == 0 ? null : asOf.minusSeconds(q.oldestWaitS()), q.online(), q.available(), q.busy());
            if (q.agentsNeeded() > 0) {
                forecast(connection, DESK_TENANT, q.id(), asOf, asOf.plusSeconds((long) q.forecastWaitS()),
                        q.forecastWaitS(), q.agentsNeeded());
            }
            int n = 0;
            for (int i = 0; i < q.answeredSoon(); i++, n++) {
                waits.add(wait(DESK_TENANT, q.id(), q.id() + "-" + n, today.plusMillis(n), "answered", "c-" + i % 9, 8_000 + i % 60 * 300L));
            }
            for (int i = 0; i < q.answeredLate(); i++, n++) {
                waits.add(wait(DESK_TENANT, q.id(), q.id() + "-" + n, today.plusMillis(n), "answered", "c-" + i % 9, 45_000 + i * 2_000L));
            }
            for (int i = 0; i < q.abandoned(); i++, n++) {
                waits.add(wait(DESK_TENANT, q.id(), q.id() + "-" + n, today.plusMillis(n), "abandoned", "", 70_000 + i * 5_000L));
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("INSERT INTO queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms)"
                    + " VALUES " + String.join(",", waits));
        }
        alert(connection, DESK_TENANT, "queue_wait", "queue:billing", "firing", now.minusSeconds(65), now.minusSeconds(65),
                "Queue billing: a customer has waited 120 s for an agent (threshold 120 s)", false);
        alert(connection, DESK_TENANT, "frt_spike", "queue:technical-support", "firing", now.minusSeconds(40),
                now.minusSeconds(40), "Queue technical-support: p90 first response 96 s over 15 min, over 2x its baseline of 41 s",
                false);
        Instant recent = now.minusSeconds(600);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO message_topics (tenant_id, queue_id,"
                + " conversation_id, event_id, at, topic, rank) VALUES (?, ?, ?, ?, fromUnixTimestamp64Milli(?), ?, 1)")) {
            String[][] topics = {{"refund", "billing", "14"}, {"invoice", "billing", "9"}, {"login", "technical-support", "7"},
                    {"delivery", "returns", "5"}, {"pricing", "sales", "3"}};
            for (String[] topic : topics) {
                for (int i = 0; i < Integer.parseInt(topic[2]); i++) {
                    insert.setString(1, DESK_TENANT);
                    insert.setString(2, topic[1]);
                    insert.setString(3, "t-" + topic[0] + "-" + i);
                    insert.setString(4, "t-" + topic[0] + "-" + i);
                    insert.setLong(5, recent.plusSeconds(i).toEpochMilli());
                    insert.setString(6, topic[0]);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /**
     * The forecast of the monitor's row at {@code asOf} (V047), as stream-jobs writes it with the row:
     * Erlang A, 120 arrivals/h, 300 s handle time, 90 s patience, 8 slots; the expected wait and the
     * agents needed as given.
     */
    private static void forecast(Connection connection, String tenant, String queue, Instant asOf,
                                 Instant oldestAnswerExpectedAt, double expectedWaitS, int agentsNeeded) throws Exception {
        for (String table : new String[] {"queue_live_state", "queue_live_history"}) {
            try (PreparedStatement update = connection.prepareStatement("ALTER TABLE " + table + " UPDATE"
                    + " forecast_model = 'erlang_a', forecast_unbounded = false, arrivals_per_hour = 120,"
                    + " handle_time_s = 300, handle_times = 25, patience_s = 90, slots = 8, wait_probability = 0.75,"
                    + " forecast_asa_s = ?, forecast_service_level = 0.55, service_level_target = 0.8,"
                    + " service_level_time_s = 30, wait_over_threshold_probability = 0.12, agents_needed = ?,"
                    + " oldest_answer_expected_at = fromUnixTimestamp64Milli(?)"
                    + " WHERE tenant_id = ? AND queue_id = ? AND as_of = fromUnixTimestamp64Milli(?)"
                    + " SETTINGS mutations_sync = 1")) {
                update.setDouble(1, expectedWaitS);
                update.setInt(2, agentsNeeded);
                update.setLong(3, oldestAnswerExpectedAt.toEpochMilli());
                update.setString(4, tenant);
                update.setString(5, queue);
                update.setLong(6, asOf.toEpochMilli());
                update.executeUpdate();
            }
        }
    }

    private static void state(Connection connection, String tenant, String queue, Instant asOf, int length,
                              Instant oldestQueuedAt, int online, int available, int busy) throws Exception {
        String columns = "tenant_id, queue_id, as_of, queue_length, oldest_wait_ms, oldest_queued_at, agents_online, "
                + "agents_available, agents_busy";
        for (String table : new String[] {"queue_live_state", "queue_live_history"}) {
            boolean versioned = table.equals("queue_live_state");
            String sql = "INSERT INTO " + table + " (" + columns + (versioned ? ", version" : "") + ") VALUES ("
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?" + (versioned ? ", ?" : "") + ")";
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                insert.setString(1, tenant);
                insert.setString(2, queue);
                insert.setLong(3, asOf.toEpochMilli());
                insert.setInt(4, length);
                insert.setLong(5, oldestQueuedAt == null ? 0 : asOf.toEpochMilli() - oldestQueuedAt.toEpochMilli());
                if (oldestQueuedAt == null) {
                    insert.setNull(6, Types.BIGINT);
                } else {
                    insert.setLong(6, oldestQueuedAt.toEpochMilli());
                }
                insert.setInt(7, online);
                insert.setInt(8, available);
                insert.setInt(9, busy);
                if (versioned) {
                    insert.setLong(10, asOf.toEpochMilli());
                }
                insert.executeUpdate();
            }
        }
    }

    private static void alert(Connection connection, String tenant, String rule, String scope, String state,
                              Instant eventTime, Instant startedAt, String summary, boolean replay) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO alert_history (tenant_id, rule, scope, "
                + "state, event_time, started_at, value, threshold, summary, dashboard_url, replay, event_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant);
            insert.setString(2, rule);
            insert.setString(3, scope);
            insert.setString(4, state);
            insert.setLong(5, eventTime.toEpochMilli());
            insert.setLong(6, startedAt.toEpochMilli());
            insert.setDouble(7, 120);
            insert.setDouble(8, 120);
            insert.setString(9, summary);
            insert.setString(10, "");
            insert.setInt(11, replay ? 1 : 0);
            insert.setString(12, tenant + "|" + rule + "|" + scope + "|" + state + "|" + eventTime.toEpochMilli());
            insert.executeUpdate();
        }
    }

    private static String wait(String tenant, String queue, String conversation, Instant ended, String outcome,
                               String agent, long waitMs) {
        return "('" + tenant + "', '" + queue + "', '" + conversation + "', fromUnixTimestamp64Milli("
                + (ended.toEpochMilli() - waitMs) + "), fromUnixTimestamp64Milli(" + ended.toEpochMilli() + "), '"
                + outcome + "', '" + agent + "', " + waitMs + ")";
    }
}
