package io.chatpulse.dashboards.grafana;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The last ten hours of one tenant's conversations, played event by event (open, queue, assign, messages,
 * resolve, survey, rating, reopen) and turned into the rows the stream jobs write for them: every
 * per-conversation table, the live queue state the queue monitor derives each minute, and the
 * queue_wait alerts that state fires. Each row follows from the events by metrics.md's
 * definitions, so the panels read realistic, mutually consistent data. Also keeps the event log,
 * from which the tests recompute figures on their own.
 */
final class SimulatedDay {

    static final String TENANT = "demo";
    static final List<String> QUEUES = List.of("billing", "support");
    static final List<String> AGENTS = List.of("a-1", "a-2", "a-3", "a-4");
    /** The ten hours before now: the live history is kept one day (its TTL), so it must be recent. */
    static final Instant END = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    static final Instant START = END.minus(Duration.ofHours(10));
    static final long ALERT_THRESHOLD_MS = 120_000;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    /** One step of a conversation, as conversation_activity stores it. */
    record Step(String conversationId, String queueId, String kind, String agentId, long at) {
    }

    /** A wait episode; ended -1 while the conversation still waits at the end of the day. */
    record Wait(String queueId, String conversationId, long queued, long ended, boolean answered, String agentId) {
    }

    /** An agent episode: assignment to resolution. */
    record Episode(String agentId, long assigned, long ended) {
    }

    record Rating(String queueId, String conversationId, String agentId, long at, int rating, String comment) {
    }

    final List<Step> steps = new ArrayList<>();
    final List<Wait> waits = new ArrayList<>();
    final List<Rating> ratings = new ArrayList<>();
    final List<Episode> episodes = new ArrayList<>();
    /** First response times by the agent who responded. */
    final Map<String, List<Long>> firstResponsesByAgent = new HashMap<>();
    private final Map<String, List<String>> rows = new LinkedHashMap<>();
    private final Random random = new Random(20260301);
    /** Apart from {@link #random}, so that the rest of the day stays the same with or without topics. */
    private final Random topicRandom = new Random(20261207);
    private static final List<String> TOPICS = List.of("returns", "delivery", "payment");
    private final Map<String, Set<String>> topicsNamed = new HashMap<>();
    private int events;

    static SimulatedDay play() {
        SimulatedDay day = new SimulatedDay();
        int n = 0;
        for (long t = START.toEpochMilli(); t < END.toEpochMilli() - 20 * 60_000; t += 90_000 + day.random.nextInt(60_000)) {
            day.conversation("d-" + (++n), QUEUES.get(day.random.nextInt(QUEUES.size())), t);
        }
        // Still waiting at the end of the day: the live state shows it, no figure is complete yet.
        String last = "d-" + (++n);
        long queued = END.toEpochMilli() - 4 * 60_000;
        day.step(last, "support", "opened", "", queued);
        day.step(last, "support", "customer_message", "", queued);
        day.waits.add(new Wait("support", last, queued, -1, false, ""));
        day.liveStateAndAlerts();
        return day;
    }

    private void conversation(String id, String queue, long openedAt) {
        step(id, queue, "opened", "", openedAt);
        stretch(id, queue, openedAt, false);
    }

    /** From an open or reopen to the resolution (or abandon) that follows it. */
    private void stretch(String id, String queue, long startedAt, boolean afterReopen) {
        step(id, queue, "customer_message", "", startedAt);
        long wait = 5_000 + random.nextInt(200_000);
        long assignedAt = startedAt + wait;
        if (random.nextInt(10) == 0) {
            waits.add(new Wait(queue, id, startedAt, assignedAt, false, ""));
            row("queue_waits", q(TENANT), q(queue), q(id), t(startedAt), t(assignedAt), q("abandoned"), q(""), wait);
            step(id, queue, "abandoned", "", assignedAt);
            return;
        }
        String agent = AGENTS.get(random.nextInt(AGENTS.size()));
        waits.add(new Wait(queue, id, startedAt, assignedAt, true, agent));
        row("queue_waits", q(TENANT), q(queue), q(id), t(startedAt), t(assignedAt), q("answered"), q(agent), wait);
        step(id, queue, "assigned", agent, assignedAt);

        long firstReply = assignedAt + 2_000 + random.nextInt(60_000);
        row("first_responses", q(TENANT), q(queue), q(id), q(agent), t(startedAt), t(firstReply), firstReply - startedAt,
                firstReply - startedAt);
        firstResponsesByAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(firstReply - startedAt);
        reply(id, queue, agent, startedAt, firstReply);
        long last = firstReply;
        for (int i = random.nextInt(3); i > 0; i--) {
            long customer = last + 10_000 + random.nextInt(50_000);
            step(id, queue, "customer_message", "", customer);
            last = customer + 3_000 + random.nextInt(90_000);
            reply(id, queue, agent, customer, last);
        }
        long resolvedAt = last + 10_000 + random.nextInt(110_000);
        row("resolutions", q(TENANT), q(queue), q(id), q(agent), q("agent"), t(startedAt), t(resolvedAt),
                resolvedAt - startedAt, afterReopen, resolvedAt - startedAt);
        row("handle_times", q(TENANT), q(queue), q(id), q(agent), t(assignedAt), t(resolvedAt), q("resolved"),
                resolvedAt - assignedAt);
        episodes.add(new Episode(agent, assignedAt, resolvedAt));
        step(id, queue, "resolved", agent, resolvedAt);
        step(id, queue, "survey_offered", agent, resolvedAt);
        if (random.nextInt(10) < 7) {
            int rating = new int[] {1, 2, 3, 4, 4, 5, 5, 5}[random.nextInt(8)];
            String comment = rating <= 2 ? "waited too long (" + id + ")" : "";
            long at = resolvedAt + 30_000;
            ratings.add(new Rating(queue, id, agent, at, rating, comment));
            row("csat_ratings", q(TENANT), q(queue), q(id), q(agent), t(at), rating, q(comment));
        }
        if (!afterReopen && random.nextInt(7) == 0) {
            long reopenedAt = resolvedAt + 300_000;
            step(id, queue, "reopened", "", reopenedAt);
            stretch(id, queue, reopenedAt, true);
        }
    }

    private void reply(String id, String queue, String agent, long customerAt, long repliedAt) {
        row("reply_times", q(TENANT), q(queue), q(id), q(agent), t(customerAt), t(repliedAt), repliedAt - customerAt,
                repliedAt - customerAt);
        step(id, queue, "agent_message", agent, repliedAt);
    }

    private void step(String id, String queue, String kind, String agent, long at) {
        steps.add(new Step(id, queue, kind, agent, at));
        String eventId = "e-" + (++events);
        row("conversation_activity", q(TENANT), q(queue), q(id), q(eventId), q(kind), q(agent), t(at));
        if (kind.equals("customer_message")) {
            topics(id, queue, eventId, at);
        }
    }

    /** Most customer messages name a topic, as the KPI job writes them (message_topics, conversation_topics). */
    private void topics(String id, String queue, String eventId, long at) {
        int pick = topicRandom.nextInt(TOPICS.size() + 1);
        if (pick == TOPICS.size()) {
            return;
        }
        String topic = TOPICS.get(pick);
        row("message_topics", q(TENANT), q(queue), q(id), q(eventId), t(at), q(topic), 1);
        Set<String> named = topicsNamed.computeIfAbsent(id, c -> new HashSet<>());
        if (named.add(topic)) {
            row("conversation_topics", q(TENANT), q(queue), q(id), q(topic), q(eventId), t(at), named.size() == 1);
        }
    }

    /**
     * The queue monitor's view, minute by minute: who waits and for how long, agents busy with
     * two or more open episodes; a queue_wait alert fires when the oldest wait passes 2 minutes
     * and resolves when it is back under.
     */
    private void liveStateAndAlerts() {
        for (String queue : QUEUES) {
            boolean firing = false;
            long firingSince = 0;
            String liveRow = null;
            for (long m = START.toEpochMilli(); m < END.toEpochMilli(); m += 60_000) {
                long now = m;
                List<Wait> waiting = waits.stream().filter(w -> w.queueId().equals(queue) && w.queued() <= now
                        && (w.ended() < 0 || w.ended() > now)).toList();
                long oldest = waiting.stream().mapToLong(w -> now - w.queued()).max().orElse(0);
                String oldestQueued = waiting.stream().mapToLong(Wait::queued).min().stream()
                        .mapToObj(SimulatedDay::t).findFirst().orElse("NULL");
                int busy = busyAgents(now);
                // A stand-in forecast (these tests check the panels' SQL, not the model): 20 s a waiting customer.
                List<Object> values = List.of(q(TENANT), q(queue), t(now), waiting.size(), oldest, oldestQueued,
                        AGENTS.size(), AGENTS.size() - busy, busy, q("erlang_c"), 20.0 * waiting.size(),
                        waiting.isEmpty() ? 1.0 : 0.5, 30);
                row("queue_live_history", values.toArray());
                liveRow = values.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ", " + now;
                if (!firing && oldest > ALERT_THRESHOLD_MS) {
                    firing = true;
                    firingSince = now;
                    alert(queue, "firing", now, firingSince, oldest);
                } else if (firing && oldest <= ALERT_THRESHOLD_MS) {
                    firing = false;
                    alert(queue, "resolved", now, firingSince, oldest);
                }
            }
            rows.computeIfAbsent("queue_live_state", k -> new ArrayList<>()).add("(" + liveRow + ")");
        }
    }

    /** Agents with two or more episodes open at {@code now}. */
    private int busyAgents(long now) {
        Map<String, Long> open = episodes.stream().filter(e -> e.assigned() <= now && e.ended() > now)
                .collect(Collectors.groupingBy(Episode::agentId, Collectors.counting()));
        return (int) open.values().stream().filter(c -> c >= 2).count();
    }

    private void alert(String queue, String state, long at, long startedAt, long value) {
        row("alert_history", q(TENANT), q("queue_wait"), q("queue:" + queue), q(state), t(at), t(startedAt), value,
                ALERT_THRESHOLD_MS, q("oldest wait in " + queue + " " + value / 1000 + " s"), q(""), false,
                q("alert-" + (++events)));
    }

    private void row(String table, Object... values) {
        rows.computeIfAbsent(table, k -> new ArrayList<>()).add(
                "(" + java.util.Arrays.stream(values).map(String::valueOf).collect(Collectors.joining(", ")) + ")");
    }

    /** The monitor's V020 columns and a few of V047's forecast; the others take their defaults. */
    private static final String LIVE_COLUMNS = "tenant_id, queue_id, as_of, queue_length, oldest_wait_ms, oldest_queued_at,"
            + " agents_online, agents_available, agents_busy, forecast_model, forecast_asa_s, forecast_service_level,"
            + " service_level_time_s";
    private static final Map<String, String> COLUMNS = Map.of("queue_live_history", " (" + LIVE_COLUMNS + ")",
            "queue_live_state", " (" + LIVE_COLUMNS + ", version)");

    /** Inserts every row, table by table, in the tables' column order (the live tables': LIVE_COLUMNS). */
    void insertInto(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (Map.Entry<String, List<String>> table : rows.entrySet()) {
                st.execute("INSERT INTO " + table.getKey() + COLUMNS.getOrDefault(table.getKey(), "") + " VALUES "
                        + String.join(",\n", table.getValue()));
            }
        }
    }

    int rowCount(String table) {
        return rows.getOrDefault(table, List.of()).size();
    }

    private static String q(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String t(long epochMilli) {
        return "'" + TIME.format(Instant.ofEpochMilli(epochMilli)) + "'";
    }
}
