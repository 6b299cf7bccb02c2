package io.chatpulse.dashboards.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatpulse.dashboards.grafana.MacroExpander.TimeRange;
import io.chatpulse.dashboards.grafana.MacroExpander.Variable;
import io.chatpulse.dashboards.grafana.Provisioning.Dashboard;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Runs every panel's and every variable's SQL, expanded as Grafana and the plugin would, against
 * a real ClickHouse engine (chDB from local-stack) with the project's migrations and known rows,
 * as a tenant's reader: the user of that tenant's Grafana datasource.
 */
class PanelQueriesTest {

    /** The columns each panel must return, by dashboard uid and panel title: a new panel needs a line here. */
    private static final Map<String, List<String>> EXPECTED_COLUMNS = Map.ofEntries(
            Map.entry("chatpulse-supervisor/Queue now: waiting and oldest wait", List.of("queue", "queue_length",
                    "oldest_wait_ms", "agents_online", "agents_available", "agents_busy", "as_of")),
            Map.entry("chatpulse-supervisor/Oldest wait per queue", List.of("time", "queue", "oldest_wait_ms")),
            Map.entry("chatpulse-supervisor/Queue length", List.of("time", "queue", "queue_length")),
            Map.entry("chatpulse-supervisor/Agents by state", List.of("queue", "available", "busy")),
            Map.entry("chatpulse-supervisor/Service level today", List.of("queue", "answered", "answered_within",
                    "abandoned", "short_abandons", "service_level", "abandonment_rate", "average_speed_of_answer_ms")),
            Map.entry("chatpulse-supervisor/Open alerts", List.of("rule", "scope", "started_at", "value", "threshold", "summary")),
            Map.entry("chatpulse-supervisor/Queue wait per queue", List.of("queue", "count", "median_ms", "p90_ms", "p99_ms", "mean_ms")),
            Map.entry("chatpulse-supervisor/First response time per queue", List.of("queue", "count", "median_ms", "p90_ms", "p99_ms", "mean_ms")),
            Map.entry("chatpulse-supervisor/Queue wait p90", List.of("time", "queue", "p90_ms")),
            Map.entry("chatpulse-supervisor/First response time p90", List.of("time", "queue", "p90_ms")),
            Map.entry("chatpulse-supervisor/Arrivals vs answered", List.of("time", "arrived", "answered")),
            Map.entry("chatpulse-supervisor/Wait episodes ended", List.of("time", "answered", "abandoned")),
            Map.entry("chatpulse-supervisor/Forecast wait vs oldest wait", List.of("time", "queue", "forecast_wait_ms",
                    "oldest_wait_ms")),
            Map.entry("chatpulse-supervisor/Agents needed vs online", List.of("time", "queue", "agents_needed",
                    "agents_online")),
            Map.entry("chatpulse-supervisor/Forecast vs actual: speed of answer", List.of("time", "queue", "forecast_asa_ms",
                    "actual_asa_ms")),
            Map.entry("chatpulse-supervisor/Forecast vs actual: service level", List.of("time", "queue",
                    "forecast_service_level", "actual_service_level")),
            Map.entry("chatpulse-agents/Agents", List.of("agent", "handled", "resolutions", "frt_median_ms", "frt_p90_ms",
                    "reply_median_ms", "reply_p90_ms", "handle_median_ms", "handle_p90_ms", "ratings", "csat")),
            Map.entry("chatpulse-agents/Handled and resolved per agent", List.of("agent", "handled", "resolutions")),
            Map.entry("chatpulse-agents/First response time p90 per agent", List.of("time", "agent", "p90_ms")),
            Map.entry("chatpulse-agents/Handle time per agent", List.of("agent", "episodes", "resolved", "median_ms",
                    "p90_ms", "p99_ms", "mean_ms")),
            Map.entry("chatpulse-agents/CSAT per agent", List.of("agent", "ratings", "csat", "average_rating",
                    "negative_rate", "surveys_offered", "response_rate")),
            Map.entry("chatpulse-agents/QA per agent", List.of("agent", "scored", "mean_score", "greeting_failures",
                    "forbidden_phrases_failures", "closing_failures", "reply_time_failures", "transfers_failures",
                    "survey_offered_failures")),
            Map.entry("chatpulse-agents/Conversations handled", List.of("ended_at", "agent", "queue", "conversation_id",
                    "handle_ms", "ending")),
            Map.entry("chatpulse-quality/CSAT in the period", List.of("ratings", "csat", "average_rating", "negative_rate")),
            Map.entry("chatpulse-quality/Surveys and reopens in the period", List.of("surveys_offered", "ratings",
                    "response_rate", "resolutions", "reopens", "reopen_rate")),
            Map.entry("chatpulse-quality/CSAT and negative rate", List.of("time", "csat", "negative_rate")),
            Map.entry("chatpulse-quality/Survey response and reopen rate", List.of("time", "response_rate", "reopen_rate")),
            Map.entry("chatpulse-quality/Ratings distribution", List.of("rating", "ratings")),
            Map.entry("chatpulse-quality/Recent low ratings", List.of("submitted_at", "queue", "agent", "conversation_id",
                    "rating", "comment")),
            Map.entry("chatpulse-quality/Topics, 5-minute cells", List.of("time", "topic", "messages")),
            Map.entry("chatpulse-quality/Contact reasons in the period", List.of("reason", "conversations")),
            Map.entry("chatpulse-quality/Topics by weekday and hour (UTC)", List.of("weekday", "hour", "topic", "messages",
                    "conversations")),
            Map.entry("chatpulse-quality/FRT, resolution time and CSAT per contact reason", List.of("reason", "frt_n",
                    "frt_median_ms", "frt_p90_ms", "resolution_n", "resolution_median_ms", "resolution_p90_ms", "ratings",
                    "csat")),
            Map.entry("chatpulse-operations/Pipeline freshness", List.of("tenant", "newest_event_at", "lag_ms")),
            Map.entry("chatpulse-operations/Queue monitor freshness", List.of("tenant", "newest_as_of", "lag_ms")),
            Map.entry("chatpulse-operations/Events per second", List.of("time", "tenant", "events_per_second")),
            Map.entry("chatpulse-operations/Alert history", List.of("event_time", "tenant", "rule", "scope", "state", "value",
                    "threshold", "summary", "replay")));

    private static final TimeRange DAY = new TimeRange(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-03-02T00:00:00Z"), Duration.ofMinutes(5));

    /** Around the simulated day, which ends now. */
    private static final TimeRange RECENT = new TimeRange(SimulatedDay.END.minus(Duration.ofHours(24)),
            SimulatedDay.END.plus(Duration.ofMinutes(1)), Duration.ofMinutes(5));

    /** The simulated day's tenant; acme and globex have the few known rows of insertRows. */
    private static final String DEMO = SimulatedDay.TENANT;
    private static final String ACME = "acme";

    private static TenantEngine engine;
    private static SimulatedDay day;

    @BeforeAll
    static void start() throws Exception {
        day = SimulatedDay.play();
        engine = TenantEngine.start(admin -> {
            insertRows(admin);
            day.insertInto(admin);
        }, DEMO, ACME);
    }

    @AfterAll
    static void stop() throws SQLException {
        if (engine != null) {
            engine.close();
        }
    }

    /** No tenant variable: a reader's variables list its own queues and agents only. */
    @Test
    void variablesListTheReadersOwnQueuesAndAgents() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        assertThat(firstColumn(ACME, expand(variable(supervisor, "queue"), Map.of()))).containsExactly("billing", "sales");

        Dashboard agents = dashboard("chatpulse-agents");
        assertThat(firstColumn(DEMO, expand(variable(agents, "queue"), Map.of()))).containsExactlyElementsOf(SimulatedDay.QUEUES);
        assertThat(firstColumn(DEMO, expand(variable(agents, "agent"), Map.of()))).containsExactlyElementsOf(SimulatedDay.AGENTS);
    }

    /** Every panel of every dashboard, with "All" selected wherever a variable offers it. */
    @Test
    void everyPanelRunsWithAllSelectedAndReturnsItsColumnsAndRows() throws SQLException {
        List<String> checked = new ArrayList<>();
        for (Dashboard dashboard : Provisioning.dashboards()) {
            Map<String, Variable> variables = selection(dashboard, true);
            for (JsonNode panel : dashboard.panels()) {
                String name = dashboard.uid() + "/" + panel.path("title").asString();
                assertThat(EXPECTED_COLUMNS).as("expected columns of " + name).containsKey(name);
                for (JsonNode target : panel.path("targets")) {
                    PanelRun result = run(DEMO, MacroExpander.expand(target.path("rawSql").asString(), RECENT, variables));
                    assertThat(result.columns()).as(name).isEqualTo(EXPECTED_COLUMNS.get(name));
                    assertThat(result.rows()).as(name + " rows").isNotEmpty();
                }
                checked.add(name);
            }
        }
        assertThat(checked).containsExactlyInAnyOrderElementsOf(EXPECTED_COLUMNS.keySet());
    }

    /** The same with one value picked in every variable: the filters' SQL is valid too, and narrows. */
    @Test
    void everyPanelRunsWithOneValueSelected() throws SQLException {
        for (Dashboard dashboard : Provisioning.dashboards()) {
            Map<String, Variable> variables = selection(dashboard, false);
            for (JsonNode panel : dashboard.panels()) {
                String name = dashboard.uid() + "/" + panel.path("title").asString();
                PanelRun result = run(DEMO, MacroExpander.expand(panel.path("targets").get(0).path("rawSql").asString(), RECENT, variables));
                assertThat(result.columns()).as(name).isEqualTo(EXPECTED_COLUMNS.get(name));
                int queue = result.columns().indexOf("queue");
                if (queue >= 0 && variables.containsKey("queue")) {
                    assertThat(result.rows()).as(name).extracting(r -> r.get(queue)).containsOnly("billing");
                }
                int agent = result.columns().indexOf("agent");
                if (agent >= 0 && variables.containsKey("agent")) {
                    assertThat(result.rows()).as(name).extracting(r -> r.get(agent)).containsOnly("a-1");
                }
            }
        }
    }

    @Test
    void agentTableShowsTheFiguresRecomputedFromTheEvents() throws SQLException {
        Dashboard agents = dashboard("chatpulse-agents");
        PanelRun table = run(DEMO, MacroExpander.expand(panelSql(agents, "Agents"), RECENT, selection(agents, true)));

        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactlyElementsOf(SimulatedDay.AGENTS);
        for (List<String> row : table.rows()) {
            String agent = row.get(0);
            long handled = day.steps.stream().filter(st -> st.kind().equals("assigned") && st.agentId().equals(agent))
                    .map(SimulatedDay.Step::conversationId).distinct().count();
            long resolutions = day.steps.stream().filter(st -> st.kind().equals("resolved") && st.agentId().equals(agent)).count();
            List<SimulatedDay.Rating> rated = day.ratings.stream().filter(r -> r.agentId().equals(agent)).toList();
            double csat = 100.0 * rated.stream().filter(r -> r.rating() >= 4).count() / rated.size();

            assertThat(Long.parseLong(row.get(1))).as(agent + " handled").isEqualTo(handled);
            assertThat(Long.parseLong(row.get(2))).as(agent + " resolutions").isEqualTo(resolutions);
            assertThat(Double.parseDouble(row.get(3))).as(agent + " FRT median")
                    .isCloseTo(percentileInc(day.firstResponsesByAgent.get(agent), 0.5), within(1e-6));
            assertThat(Double.parseDouble(row.get(4))).as(agent + " FRT p90")
                    .isCloseTo(percentileInc(day.firstResponsesByAgent.get(agent), 0.9), within(1e-6));
            assertThat(Long.parseLong(row.get(9))).as(agent + " ratings").isEqualTo(rated.size());
            assertThat(Double.parseDouble(row.get(10))).as(agent + " CSAT").isCloseTo(csat, within(1e-9));
        }
    }

    /** The QA panel's figures recomputed from the verdicts the simulated day gave each stretch (docs/kpi-qa.md). */
    @Test
    void qaPanelShowsEachAgentsMeanScoreAndFailuresPerCheck() throws SQLException {
        Dashboard agents = dashboard("chatpulse-agents");
        PanelRun table = run(DEMO, MacroExpander.expand(panelSql(agents, "QA per agent"), RECENT, selection(agents, true)));

        assertThat(table.rows()).extracting(r -> r.get(0)).containsExactlyElementsOf(SimulatedDay.AGENTS);
        for (List<String> row : table.rows()) {
            List<SimulatedDay.QaVerdict> scored = day.qa.stream().filter(v -> v.agentId().equals(row.get(0))).toList();
            assertThat(Long.parseLong(row.get(1))).as(row.get(0) + " scored").isEqualTo(scored.size());
            assertThat(Double.parseDouble(row.get(2))).as(row.get(0) + " mean score")
                    .isCloseTo(scored.stream().mapToDouble(SimulatedDay.QaVerdict::score).average().orElseThrow(), within(1e-9));
            assertThat(Long.parseLong(row.get(3))).as(row.get(0) + " greeting failures")
                    .isEqualTo(scored.stream().filter(v -> !v.greeted()).count());
            assertThat(Long.parseLong(row.get(6))).as(row.get(0) + " reply time failures")
                    .isEqualTo(scored.stream().filter(v -> !v.inTime()).count());
            assertThat(List.of(row.get(4), row.get(5), row.get(7), row.get(8))).as("checks not in the scorecard")
                    .containsOnly("0");
        }
    }

    @Test
    void qualityPanelsAddUpToTheRatingsSubmitted() throws SQLException {
        Dashboard quality = dashboard("chatpulse-quality");
        Map<String, Variable> all = selection(quality, true);
        int ratings = day.ratings.size();
        long negative = day.ratings.stream().filter(r -> r.rating() <= 2).count();

        List<String> period = run(DEMO, MacroExpander.expand(panelSql(quality, "CSAT in the period"), RECENT, all)).rows().get(0);
        assertThat(Long.parseLong(period.get(0))).isEqualTo(ratings);
        assertThat(Double.parseDouble(period.get(3))).isCloseTo((double) negative / ratings, within(1e-9));

        PanelRun distribution = run(DEMO, MacroExpander.expand(panelSql(quality, "Ratings distribution"), RECENT, all));
        assertThat(distribution.rows().stream().mapToLong(r -> Long.parseLong(r.get(1))).sum()).isEqualTo(ratings);

        PanelRun low = run(DEMO, MacroExpander.expand(panelSql(quality, "Recent low ratings"), RECENT, all));
        assertThat(low.rows()).hasSize((int) negative).allSatisfy(r -> {
            assertThat(Integer.parseInt(r.get(4))).isLessThanOrEqualTo(2);
            assertThat(r.get(5)).startsWith("waited too long");
        });
    }

    @Test
    void livePanelsShowTheConversationStillWaitingAndItsAlert() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        Map<String, Variable> all = selection(supervisor, true);

        PanelRun now = run(DEMO, MacroExpander.expand(panelSql(supervisor, "Queue now: waiting and oldest wait"), RECENT, all));
        List<String> support = now.rows().stream().filter(r -> r.get(0).equals("support")).findFirst().orElseThrow();
        // Queued at 17:56; the last state is for 17:59.
        assertThat(support.get(1)).isEqualTo("1");
        assertThat(support.get(2)).isEqualTo("180000");

        PanelRun open = run(DEMO, MacroExpander.expand(panelSql(supervisor, "Open alerts"), RECENT, all));
        assertThat(open.rows()).extracting(r -> r.get(1)).contains("queue:support");
    }

    @Test
    void summaryPanelsShowTheViewsFiguresForTheSelectedTenantAndQueue() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        Map<String, Variable> billing = Map.of("queue", Variable.of("queue", "billing"));

        PanelRun waits = run(ACME, MacroExpander.expand(panelSql(supervisor, "Queue wait per queue"), DAY, billing));
        // acme billing waits 10, 20, 30 s (globex's 999 s and the abandoned wait are not in it):
        // median 20000, p90 at position 1.8 -> 20000 + 0.8 * 10000 = 28000.
        assertThat(waits.rows()).hasSize(1);
        List<String> row = waits.rows().get(0);
        assertThat(row.subList(0, 2)).containsExactly("billing", "3");
        assertThat(Double.parseDouble(row.get(2))).isCloseTo(20000, within(1e-6));
        assertThat(Double.parseDouble(row.get(3))).isCloseTo(28000, within(1e-6));

        PanelRun series = run(ACME, MacroExpander.expand(panelSql(supervisor, "Queue wait p90"), DAY, billing));
        assertThat(series.rows()).extracting(r -> r.get(1)).containsOnly("billing");
    }

    /**
     * The forecast-vs-actual panels per 15 minutes of billing, recomputed from the simulated day: the
     * mean of the minutes' stand-in forecasts (20 s a waiting customer; the service level 1 with nobody
     * waiting, else 0.5), beside the customers who entered the queue in those minutes (V048's definition).
     */
    @Test
    void forecastVsActualPanelsShowEachQuarterHourOfTheDay() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        Map<String, Variable> billing = Map.of("queue", Variable.of("queue", "billing"),
                "short_abandon_ms", Variable.of("short_abandon_ms", "5000"));
        PanelRun asa = run(DEMO, MacroExpander.expand(panelSql(supervisor, "Forecast vs actual: speed of answer"), RECENT, billing));
        PanelRun serviceLevel = run(DEMO, MacroExpander.expand(panelSql(supervisor, "Forecast vs actual: service level"),
                RECENT, billing));

        long quarter = Duration.ofMinutes(15).toMillis();
        java.util.TreeMap<Long, List<Integer>> waitingByInterval = new java.util.TreeMap<>();
        for (long m = SimulatedDay.START.toEpochMilli(); m < SimulatedDay.END.toEpochMilli(); m += 60_000) {
            long now = m;
            int waiting = (int) day.waits.stream().filter(w -> w.queueId().equals("billing") && w.queued() <= now
                    && (w.ended() < 0 || w.ended() > now)).count();
            waitingByInterval.computeIfAbsent(m / quarter * quarter, k -> new ArrayList<>()).add(waiting);
        }
        assertThat(asa.rows()).as("intervals of billing").hasSize(waitingByInterval.size());
        assertThat(serviceLevel.rows()).hasSize(waitingByInterval.size());
        int i = 0;
        for (Map.Entry<Long, List<Integer>> interval : waitingByInterval.entrySet()) {
            long start = interval.getKey();
            List<SimulatedDay.Wait> entered = day.waits.stream().filter(w -> w.queueId().equals("billing")
                    && w.ended() >= 0 && w.queued() / quarter * quarter == start).toList();
            List<SimulatedDay.Wait> answered = entered.stream().filter(SimulatedDay.Wait::answered).toList();
            long within = answered.stream().filter(w -> w.ended() - w.queued() <= 30_000).count();
            String where = "billing at " + Instant.ofEpochMilli(start);
            assertThat(Double.parseDouble(asa.rows().get(i).get(2))).as(where + " forecast ASA ms")
                    .isCloseTo(interval.getValue().stream().mapToInt(n -> n).average().orElseThrow() * 20_000, within(1e-6));
            assertThat(Double.parseDouble(serviceLevel.rows().get(i).get(2))).as(where + " forecast service level")
                    .isCloseTo(interval.getValue().stream().mapToDouble(n -> n == 0 ? 1 : 0.5).average().orElseThrow(),
                            within(1e-9));
            String actualAsa = asa.rows().get(i).get(3);
            String actualServiceLevel = serviceLevel.rows().get(i).get(3);
            if (answered.isEmpty()) {
                assertThat(actualAsa).as(where + " actual ASA").isNull();
            } else {
                assertThat(Double.parseDouble(actualAsa)).as(where + " actual ASA ms").isCloseTo(answered.stream()
                        .mapToLong(w -> w.ended() - w.queued()).average().orElseThrow(), within(1e-6));
            }
            if (entered.isEmpty()) {
                assertThat(actualServiceLevel).as(where + " actual service level").isNull();
            } else {
                assertThat(Double.parseDouble(actualServiceLevel)).as(where + " actual service level")
                        .isCloseTo(within / (double) entered.size(), within(1e-9));
            }
            i++;
        }
    }

    /**
     * Panels pass the period with millisecond precision ($__fromTime_ms), as metrics-api binds it
     * (fromUnixTimestamp64Milli), so both count the same waits at the edges of a period.
     */
    @Test
    void panelsCutThePeriodToTheMillisecondAsTheApiDoes() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        Instant from = Instant.parse("2026-03-01T10:00:10.500Z");
        Instant to = Instant.parse("2026-03-01T11:00:30.000Z");
        Map<String, Variable> billing = Map.of("queue", Variable.of("queue", "billing"));

        PanelRun panel = run(ACME, MacroExpander.expand(panelSql(supervisor, "Queue wait per queue"),
                new TimeRange(from, to, Duration.ofMinutes(1)), billing));
        // What QueueSummaryRepository runs for GET /api/v1/queues/summary?queueId=billing&from=...&to=...
        PanelRun api = PanelRun.run(engine.admin(), "SELECT queue_id, answered AS n, median_ms, p90_ms, p99_ms, mean_ms FROM queue_wait_summary("
                + "tenant = 'acme', from = fromUnixTimestamp64Milli(" + from.toEpochMilli() + "), to = fromUnixTimestamp64Milli("
                + to.toEpochMilli() + ")) WHERE queue_id = 'billing' ORDER BY queue_id");

        // c-1 ended at 10:00:10.000 (before from), c-3 at 11:00:30.000 (to is exclusive): only c-2 is in.
        assertThat(panel.rows()).containsExactly(List.of("billing", "1", "20000.0", "20000.0", "20000.0", "20000.0"));
        assertThat(panel.rows()).isEqualTo(api.rows());
    }

    @Test
    void timeSeriesUsesTheIntervalBuckets() throws SQLException {
        Dashboard supervisor = dashboard("chatpulse-supervisor");
        Map<String, Variable> all = Map.of("queue", Variable.all("queue", List.of("billing", "sales")),
                "service_level_ms", Variable.of("service_level_ms", "30000"),
                "short_abandon_ms", Variable.of("short_abandon_ms", "5000"));

        PanelRun hourly = run(ACME, MacroExpander.expand(panelSql(supervisor, "Wait episodes ended"),
                new TimeRange(DAY.from(), DAY.to(), Duration.ofHours(1)), all));

        // Waits ended at 10:00:10, 10:00:20 (billing), 10:30 (sales, abandoned), 11:00:30 (billing), 12:00:05 (sales).
        assertThat(hourly.rows()).extracting(row -> row.subList(1, 3)).containsExactly(
                List.of("2", "1"), List.of("1", "0"), List.of("1", "0"));
    }

    private static PanelRun run(String tenant, String sql) throws SQLException {
        return PanelRun.run(engine.reader(tenant), sql);
    }

    /** The variables as the demo tenant's user would set them (billing and a-1 when one value is picked). */
    private static Map<String, Variable> selection(Dashboard dashboard, boolean all) throws SQLException {
        return PanelRun.selection(engine.reader(DEMO), dashboard, all, RECENT);
    }

    /** Excel's PERCENTILE.INC, as metrics.md defines the quantiles. */
    private static double percentileInc(List<Long> values, double p) {
        List<Long> sorted = values.stream().sorted().toList();
        double h = (sorted.size() - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.size() - 1);
        return sorted.get(low) + (h - low) * (sorted.get(high) - sorted.get(low));
    }

    private static List<String> firstColumn(String tenant, String sql) throws SQLException {
        return run(tenant, sql).rows().stream().map(row -> row.get(0)).toList();
    }

    private static String expand(String sql, Map<String, Variable> variables) {
        return MacroExpander.expand(sql, DAY, variables);
    }

    private static Dashboard dashboard(String uid) {
        return Provisioning.dashboards().stream().filter(d -> d.uid().equals(uid)).findFirst().orElseThrow();
    }

    private static String variable(Dashboard dashboard, String name) {
        return dashboard.variables().stream().filter(v -> v.path("name").asString().equals(name))
                .map(Provisioning::variableSql).findFirst().orElseThrow();
    }

    private static String panelSql(Dashboard dashboard, String title) {
        return dashboard.panels().stream().filter(p -> p.path("title").asString().equals(title))
                .map(p -> p.path("targets").get(0).path("rawSql").asString()).findFirst().orElseThrow();
    }

    private static void insertRows(Connection connection) throws SQLException {
        Map<String, String> inserts = new LinkedHashMap<>();
        inserts.put("queue_waits", """
                INSERT INTO queue_waits (tenant_id, queue_id, conversation_id, queued_at, ended_at, outcome, agent_id, wait_ms) VALUES
                ('acme', 'billing', 'c-1', '2026-03-01 10:00:00.000', '2026-03-01 10:00:10.000', 'answered', 'a-1', 10000),
                ('acme', 'billing', 'c-2', '2026-03-01 10:00:00.000', '2026-03-01 10:00:20.000', 'answered', 'a-2', 20000),
                ('acme', 'billing', 'c-3', '2026-03-01 11:00:00.000', '2026-03-01 11:00:30.000', 'answered', 'a-1', 30000),
                ('acme', 'sales',   'c-4', '2026-03-01 10:29:00.000', '2026-03-01 10:30:00.000', 'abandoned', '', 60000),
                ('acme', 'sales',   'c-5', '2026-03-01 12:00:00.000', '2026-03-01 12:00:05.000', 'answered', 'a-3', 5000),
                ('globex', 'billing', 'g-1', '2026-03-01 10:00:00.000', '2026-03-01 10:16:39.000', 'answered', 'g-a', 999000)""");
        inserts.put("first_responses", """
                INSERT INTO first_responses (tenant_id, queue_id, conversation_id, agent_id, started_at, responded_at, frt_ms) VALUES
                ('acme', 'billing', 'c-1', 'a-1', '2026-03-01 10:00:10.000', '2026-03-01 10:00:13.000', 3000),
                ('acme', 'sales',   'c-5', 'a-3', '2026-03-01 12:00:05.000', '2026-03-01 12:00:12.000', 7000),
                ('globex', 'billing', 'g-1', 'g-a', '2026-03-01 10:16:39.000', '2026-03-01 10:16:40.000', 1000)""");
        try (Statement st = connection.createStatement()) {
            for (String insert : inserts.values()) {
                st.execute(insert);
            }
        }
    }
}
