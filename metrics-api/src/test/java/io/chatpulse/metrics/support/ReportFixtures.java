package io.chatpulse.metrics.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of two tenants around local midnight in Europe/Berlin (UTC+1 in March 2026). Item i of
 * tenant acme completes at {@link #TIMES}[i] in conversation c-i; tenant globex has the same
 * conversation ids and times with figures no acme figure has (4242421 ms, also in business hours,
 * queue secret, agent g-1),
 * so any leak shows.
 *
 * <pre>
 * i  completes (UTC)            Berlin local        in the Berlin period 03-01..03-03
 * 0  2026-02-28T22:30Z          02-28 23:30         no (before)
 * 1  2026-02-28T23:30Z          03-01 00:30         day 1
 * 2  2026-03-01T10:00Z          03-01 11:00         day 1
 * 3  2026-03-01T22:30Z          03-01 23:30         day 1
 * 4  2026-03-01T22:59:59.999Z   03-01 23:59:59.999  day 1
 * 5  2026-03-01T23:00Z          03-02 00:00         day 2 (also a new week: 03-02 is a Monday)
 * 6  2026-03-01T23:30Z          03-02 00:30         day 2
 * 7  2026-03-02T12:00Z          03-02 13:00         day 2
 * 8  2026-03-02T23:00Z          03-03 00:00         no (to is exclusive)
 * </pre>
 *
 * Per item: queue billing (even i) or sales (odd), agent a-(i%3+1), channel WEB (even) or APP (odd),
 * queue wait i*10 s answered, FRT i*1000+500 ms, reply i*700 ms, resolution i min, handle i*30 s,
 * rating i%5+1; contact reason (conversation_topics) returns (i%3 = 0, with payment named later) or delivery
 * (i%3 = 1), none for i%3 = 2 (globex: returns for every i); inside business hours (V007's columns) FRT i*400 ms, reply i*200 ms, resolution i*15 s; activity: opened, assigned, a customer and an agent message, resolved, survey offered,
 * and a reopen for i = 2 and 5. Extra waits: abandoned after 60 s at items 2 and 6 (billing), a short
 * abandon of 2 s at item 3 (sales).
 *
 * <p>Agent time (agent_time_minutes) around Berlin's midnight of 03-01/03-02 (23:00Z): a-1 works
 * across it, a-4 is online without any conversation, a-2 and a-3 are never online; globex's a-1
 * (the same agent id) has 4242421 ms in every column.
 * <pre>
 * agent  minute (UTC)  Berlin       online  occupied  conversation
 * a-1    02-28 22:59   02-28 23:59   60000     60000         60000   before the period
 * a-1    03-01 22:58   03-01 23:58   60000     30000         30000
 * a-1    03-01 22:59   03-01 23:59   60000     60000        120000
 * a-1    03-01 23:00   03-02 00:00   60000     60000         90000   written twice (a replay)
 * a-1    03-01 23:01   03-02 00:01   60000         0             0
 * a-4    03-01 22:59   03-01 23:59   30000         0             0
 * a-4    03-01 23:00   03-02 00:00   30000         0             0
 * a-1    03-02 23:00   03-03 00:00   60000     60000         60000   to is exclusive
 * </pre>
 */
public final class ReportFixtures {

    public static final Instant[] TIMES = {
            Instant.parse("2026-02-28T22:30:00Z"), Instant.parse("2026-02-28T23:30:00Z"),
            Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T22:30:00Z"),
            Instant.parse("2026-03-01T22:59:59.999Z"), Instant.parse("2026-03-01T23:00:00Z"),
            Instant.parse("2026-03-01T23:30:00Z"), Instant.parse("2026-03-02T12:00:00Z"),
            Instant.parse("2026-03-02T23:00:00Z")};

    private static final DateTimeFormatter CH = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    private static final String FIRST_RESPONSES =
            "first_responses (tenant_id, queue_id, conversation_id, agent_id, started_at, responded_at, frt_ms,"
                    + " frt_business_ms)";
    private static final String AGENT_TIME =
            "agent_time_minutes (tenant_id, agent_id, minute, online_ms, occupied_ms, conversation_ms)";
    private static final List<String> AGENT_TIME_ROWS = List.of(
            "('acme', 'a-1', '2026-02-28 22:59:00', 60000, 60000, 60000)",
            "('acme', 'a-1', '2026-03-01 22:58:00', 60000, 30000, 30000)",
            "('acme', 'a-1', '2026-03-01 22:59:00', 60000, 60000, 120000)",
            "('acme', 'a-1', '2026-03-01 23:00:00', 60000, 60000, 90000)",
            "('acme', 'a-1', '2026-03-01 23:01:00', 60000, 0, 0)",
            "('acme', 'a-4', '2026-03-01 22:59:00', 30000, 0, 0)",
            "('acme', 'a-4', '2026-03-01 23:00:00', 30000, 0, 0)",
            "('acme', 'a-1', '2026-03-02 23:00:00', 60000, 60000, 60000)",
            "('globex', 'a-1', '2026-03-01 22:59:00', 4242421, 4242421, 4242421)");
    private static final String CONVERSATION_ACTIVITY =
            "conversation_activity (tenant_id, queue_id, conversation_id, event_id, kind, agent_id, at)";

    private static final String CONVERSATION_TOPICS =
            "conversation_topics (tenant_id, queue_id, conversation_id, topic, event_id, at, contact_reason)";

    private ReportFixtures() {
    }

    public static String agent(int i) {
        return "a-" + (i % 3 + 1);
    }

    public static void insert(String jdbcUrl) throws Exception {
        List<String> waits = new ArrayList<>();
        List<String> frts = new ArrayList<>();
        List<String> replies = new ArrayList<>();
        List<String> resolutions = new ArrayList<>();
        List<String> handles = new ArrayList<>();
        List<String> ratings = new ArrayList<>();
        List<String> activity = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < TIMES.length; i++) {
            Instant t = TIMES[i];
            topics.addAll(topics(i));
            String queue = i % 2 == 0 ? "billing" : "sales";
            add(i, "acme", "c-" + i, queue, agent(i), i % 2 == 0 ? "WEB" : "APP", t, i * 10_000L, i * 1000L + 500,
                    i * 700L, i * 60_000L, i * 30_000L, i % 5 + 1, new long[] {i * 400L, i * 200L, i * 15_000L},
                    waits, frts, replies, resolutions, handles, ratings, activity, channels);
            add(i, "globex", "c-" + i, "secret", "g-1", "WEB", t, 4_242_421, 4_242_421, 4_242_421, 4_242_421, 4_242_421, 1,
                    new long[] {4_242_421, 4_242_421, 4_242_421},
                    waits, frts, replies, resolutions, handles, ratings, activity, channels);
        }
        waits.add(wait("acme", "billing", "ab-2", TIMES[2], "abandoned", "", 60_000));
        waits.add(wait("acme", "billing", "ab-6", TIMES[6], "abandoned", "", 60_000));
        waits.add(wait("acme", "sales", "sab-3", TIMES[3], "abandoned", "", 2_000));
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "default", "");
             Statement st = connection.createStatement()) {
            insertInto(st, "queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms)", waits);
            insertInto(st, FIRST_RESPONSES, frts);
            insertInto(st, "reply_times (tenant_id, queue_id, conversation_id, agent_id, customer_at, replied_at, reply_ms,"
                    + " reply_business_ms)", replies);
            insertInto(st, "resolutions (tenant_id, queue_id, conversation_id, agent_id, resolved_by, started_at, resolved_at,"
                    + " resolution_ms, after_reopen, resolution_business_ms)", resolutions);
            insertInto(st, "handle_times (tenant_id, queue_id, conversation_id, agent_id, assigned_at, ended_at, ending, handle_ms)", handles);
            insertInto(st, "csat_ratings (tenant_id, queue_id, conversation_id, agent_id, submitted_at, rating, comment)", ratings);
            insertInto(st, CONVERSATION_ACTIVITY, activity);
            insertInto(st, "conversation_channels (tenant_id, conversation_id, channel, opened_at)", channels);
            insertInto(st, AGENT_TIME, AGENT_TIME_ROWS);
            insertInto(st, CONVERSATION_TOPICS, topics);
            // A replay after a crash writes some rows again: each must count once (FINAL).
            insertInto(st, FIRST_RESPONSES, List.of(frts.get(2)));
            insertInto(st, CONVERSATION_ACTIVITY, List.of(activity.get(0)));
            insertInto(st, AGENT_TIME, List.of(AGENT_TIME_ROWS.get(3)));
        }
    }

    /** Item i's conversation_topics rows: acme's as the class comment says, globex's returns. */
    private static List<String> topics(int i) {
        String conversation = "c-" + i;
        String queue = i % 2 == 0 ? "billing" : "sales";
        Instant named = TIMES[i].minusSeconds(600);
        List<String> rows = new ArrayList<>(List.of(
                values("globex", "secret", conversation, "returns", conversation + "-m1", ts(named), true)));
        if (i % 3 == 0) {
            rows.add(values("acme", queue, conversation, "returns", conversation + "-m1", ts(named), true));
            rows.add(values("acme", queue, conversation, "payment", conversation + "-m2", ts(named.plusSeconds(60)), false));
        } else if (i % 3 == 1) {
            rows.add(values("acme", queue, conversation, "delivery", conversation + "-m1", ts(named), true));
        }
        return rows;
    }

    /** INSERT INTO {@code table} (its columns) VALUES the rows. */
    private static void insertInto(Statement st, String table, List<String> rows) throws SQLException {
        st.execute("INSERT INTO " + table + " VALUES " + String.join(",", rows));
    }

    /** {@code business}: FRT, reply and resolution time inside business hours. */
    private static void add(int i, String tenant, String conversation, String queue, String agent, String channel,
                            Instant t, long wait, long frt, long reply, long resolution, long handle, int rating,
                            long[] business, List<String> waits, List<String> frts, List<String> replies,
                            List<String> resolutions, List<String> handles, List<String> ratings,
                            List<String> activity, List<String> channels) {
        waits.add(wait(tenant, queue, conversation, t, "answered", agent, wait));
        frts.add(values(tenant, queue, conversation, agent, ts(t.minusMillis(frt)), ts(t), frt, business[0]));
        replies.add(values(tenant, queue, conversation, agent, ts(t.minusMillis(reply)), ts(t), reply, business[1]));
        resolutions.add(values(tenant, queue, conversation, agent, "agent", ts(t.minusMillis(resolution)), ts(t),
                resolution, false, business[2]));
        handles.add(values(tenant, queue, conversation, agent, ts(t.minusMillis(handle)), ts(t), "resolved", handle));
        ratings.add(values(tenant, queue, conversation, agent, ts(t), rating, "comment " + i));
        List<String[]> steps = new ArrayList<>(List.of(new String[] {"opened", ""}, new String[] {"assigned", agent},
                new String[] {"customer_message", ""}, new String[] {"agent_message", agent},
                new String[] {"resolved", agent}, new String[] {"survey_offered", agent}));
        if (i == 2 || i == 5) {
            steps.add(new String[] {"reopened", ""});
        }
        for (String[] step : steps) {
            activity.add(values(tenant, queue, conversation, conversation + "-" + step[0], step[0], step[1], ts(t)));
        }
        channels.add(values(tenant, conversation, channel, ts(t)));
    }

    private static String wait(String tenant, String queue, String conversation, Instant ended, String outcome,
                               String agent, long waitMs) {
        return values(tenant, queue, conversation, ts(ended.minusMillis(waitMs)), ts(ended), outcome, agent, waitMs);
    }

    private static String ts(Instant t) {
        return CH.format(t);
    }

    private static String values(Object... values) {
        List<String> sql = new ArrayList<>();
        for (Object value : values) {
            sql.add(value instanceof String s ? "'" + s + "'" : String.valueOf(value));
        }
        return "(" + String.join(", ", sql) + ")";
    }
}
