package io.chatpulse.streamjobs.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.schema.ClickHouseMigrations;
import io.chatpulse.streamjobs.ClickHouseRows;
import io.chatpulse.streamjobs.conversation.Activity;
import io.chatpulse.streamjobs.conversation.CsatRating;
import io.chatpulse.streamjobs.conversation.FirstResponse;
import io.chatpulse.streamjobs.conversation.HandleTime;
import io.chatpulse.streamjobs.conversation.ReplyTime;
import io.chatpulse.streamjobs.conversation.Resolution;
import io.chatpulse.streamjobs.conversation.KpiRow;
import io.chatpulse.streamjobs.conversation.KpiTables;
import io.chatpulse.streamjobs.conversation.QueueWait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sink in a real Flink job against the real ClickHouse engine. */
class ClickHouseSinkTest {

    private static final long T0 = 1_790_000_000_123L;

    private static ClickHouseServer clickHouse;

    @BeforeAll
    static void startClickHouse() throws Exception {
        clickHouse = ClickHouseServer.start(Path.of("target", "it-data", "sink-clickhouse-" + System.nanoTime()));
        ClickHouseMigrations.apply(clickHouse.jdbcUrl(), "default", "");
    }

    @AfterAll
    static void stopClickHouse() {
        if (clickHouse != null) {
            clickHouse.close();
        }
    }

    @Test
    void writesEveryRowInBatchesWithMillisecondTimesInUtc() throws Exception {
        List<QueueWait> rows = LongStream.range(0, 2_500).mapToObj(i -> new QueueWait("batch", "q" + (i % 3), "conv-" + i,
                T0 + i, T0 + i + 1_500, i % 2 == 0 ? QueueWait.Outcome.ANSWERED : QueueWait.Outcome.ABANDONED,
                i % 2 == 0 ? "agent-" + i : "", 1_500)).toList();

        run(rows, KpiTables.QUEUE_WAITS, QueueWait.class, settings(clickHouse.jdbcUrl(), 1_000));

        assertThat(query("SELECT count(), sum(wait_ms), countIf(outcome = 'abandoned'), countIf(agent_id = '')"
                + " FROM queue_waits FINAL WHERE tenant_id = 'batch'"))
                .containsExactly(List.of("2500", "3750000", "1250", "1250"));
        assertThat(query("SELECT queue_id, toUnixTimestamp64Milli(queued_at), toUnixTimestamp64Milli(ended_at),"
                + " toString(ended_at), outcome, agent_id FROM queue_waits FINAL WHERE conversation_id = 'conv-4'"))
                .containsExactly(List.of("q1", Long.toString(T0 + 4), Long.toString(T0 + 1_504),
                        "2026-09-21 14:13:21.627", "answered", "agent-4"));
    }

    @Test
    void writingTheSameFiguresAgainLeavesThemAsTheyWere() throws Exception {
        List<FirstResponse> rows = List.of(
                new FirstResponse("replay", "billing", "conv-1", "agent-7", T0, T0 + 30_000, 30_000, 20_000),
                new FirstResponse("replay", "", "conv-2", "agent-8", T0, T0 + 12_000, 12_000, 12_000));

        run(rows, KpiTables.FIRST_RESPONSES, FirstResponse.class, settings(clickHouse.jdbcUrl(), 10));
        run(rows, KpiTables.FIRST_RESPONSES, FirstResponse.class, settings(clickHouse.jdbcUrl(), 10));

        assertThat(query("SELECT conversation_id, queue_id, agent_id, frt_ms, frt_business_ms FROM first_responses FINAL"
                + " WHERE tenant_id = 'replay' ORDER BY conversation_id")).containsExactly(
                List.of("conv-1", "billing", "agent-7", "30000", "20000"), List.of("conv-2", "", "agent-8", "12000", "12000"));
    }

    @Test
    void everyKpiTableTakesItsRowsAsTheSchemaDefinesThem() throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ClickHouseSettings settings = settings(clickHouse.jdbcUrl(), 10);
        env.fromData(List.of(new ReplyTime("all", "billing", "c-1", "agent-7", T0, T0 + 6_000, 6_000, 4_000)),
                TypeInformation.of(ReplyTime.class)).sinkTo(new ClickHouseSink<>(settings, KpiTables.REPLY_TIMES));
        env.fromData(List.of(new Resolution("all", "billing", "c-1", "", "bot", T0, T0 + 60_000, 60_000, true, 45_000)),
                TypeInformation.of(Resolution.class)).sinkTo(new ClickHouseSink<>(settings, KpiTables.RESOLUTIONS));
        env.fromData(List.of(new HandleTime("all", "billing", "c-1", "agent-7", T0, T0 + 9_000,
                        HandleTime.Ending.TRANSFERRED, 9_000)),
                TypeInformation.of(HandleTime.class)).sinkTo(new ClickHouseSink<>(settings, KpiTables.HANDLE_TIMES));
        env.fromData(List.of(new CsatRating("all", "billing", "c-1", "agent-7", T0, 5, "l'été \"great\"")),
                TypeInformation.of(CsatRating.class)).sinkTo(new ClickHouseSink<>(settings, KpiTables.CSAT_RATINGS));
        env.fromData(List.of(new Activity("all", "", "c-1", "e-1", Activity.Kind.SURVEY_OFFERED, "agent-7", T0)),
                TypeInformation.of(Activity.class)).sinkTo(new ClickHouseSink<>(settings, KpiTables.ACTIVITY));
        env.execute("every table");

        String at = Long.toString(T0);
        assertThat(query("SELECT agent_id, toUnixTimestamp64Milli(customer_at), reply_ms, reply_business_ms"
                + " FROM reply_times FINAL WHERE tenant_id = 'all'")).containsExactly(List.of("agent-7", at, "6000", "4000"));
        assertThat(query("SELECT agent_id, resolved_by, toUnixTimestamp64Milli(started_at), resolution_ms, after_reopen,"
                + " resolution_business_ms FROM resolutions FINAL WHERE tenant_id = 'all'"))
                .containsExactly(List.of("", "bot", at, "60000", "true", "45000"));
        assertThat(query("SELECT agent_id, ending, handle_ms FROM handle_times FINAL WHERE tenant_id = 'all'"))
                .containsExactly(List.of("agent-7", "transferred", "9000"));
        assertThat(query("SELECT agent_id, rating, comment FROM csat_ratings FINAL WHERE tenant_id = 'all'"))
                .containsExactly(List.of("agent-7", "5", "l'été \"great\""));
        assertThat(query("SELECT queue_id, event_id, kind, agent_id, toUnixTimestamp64Milli(at)"
                + " FROM conversation_activity FINAL WHERE tenant_id = 'all'"))
                .containsExactly(List.of("", "e-1", "survey_offered", "agent-7", at));
    }

    @Test
    void oneSinkFillsEachTableWithItsFiguresOfTheRecords() throws Exception {
        List<KpiRow> rows = LongStream.range(0, 30).mapToObj(i -> i % 3 == 0
                ? KpiRow.of(new HandleTime("routed", "q", "c-" + i, "agent-1", T0, T0 + i, HandleTime.Ending.RESOLVED, i))
                : KpiRow.of(new Activity("routed", "q", "c-" + i, "e-" + i, Activity.Kind.OPENED, "", T0 + i))).toList();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(rows, TypeInformation.of(KpiRow.class))
                .sinkTo(new ClickHouseSink<>(settings(clickHouse.jdbcUrl(), 4), KpiTables.ROUTES));
        env.execute("routed rows");

        assertThat(query("SELECT count(), sum(handle_ms) FROM handle_times FINAL WHERE tenant_id = 'routed'"))
                .containsExactly(List.of("10", "135"));
        assertThat(query("SELECT count(), uniqExact(event_id) FROM conversation_activity FINAL WHERE tenant_id = 'routed'"))
                .containsExactly(List.of("20", "20"));
        assertThat(query("SELECT count() FROM queue_waits FINAL WHERE tenant_id = 'routed'"))
                .containsExactly(List.of("0"));
    }

    @Test
    void failsTheJobWhenClickHouseStaysUnreachable() {
        ClickHouseSettings unreachable = new ClickHouseSettings("jdbc:clickhouse://127.0.0.1:1/default", "default", "",
                10, Duration.ofSeconds(1), 2, Duration.ofMillis(10), Duration.ofMillis(20));
        List<QueueWait> rows = List.of(new QueueWait("x", "q", "c", T0, T0, QueueWait.Outcome.ANSWERED, "a", 0));

        assertThatThrownBy(() -> run(rows, KpiTables.QUEUE_WAITS, QueueWait.class, unreachable))
                .satisfies(e -> assertThat(stackMessages(e)).contains("cannot insert 1 rows into queue_waits after 3 attempts"));
    }

    @Test
    void backoffDoublesUpToItsCap() {
        ClickHouseSettings s = new ClickHouseSettings("u", "d", "", 1, Duration.ofSeconds(1), 5,
                Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(List.of(s.backoff(1), s.backoff(2), s.backoff(3), s.backoff(4))).containsExactly(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(5));
    }

    private static ClickHouseSettings settings(String url, int batchSize) {
        return new ClickHouseSettings(url, "default", "", batchSize, Duration.ofMillis(200), 3,
                Duration.ofMillis(100), Duration.ofSeconds(1));
    }

    private static <T> void run(List<T> rows, ClickHouseTable<T> table, Class<T> type, ClickHouseSettings settings)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(rows, TypeInformation.of(type)).sinkTo(new ClickHouseSink<>(settings, table));
        env.execute("clickhouse sink test");
    }

    private static String stackMessages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static List<List<String>> query(String sql) throws Exception {
        return ClickHouseRows.query(clickHouse.jdbcUrl(), sql);
    }
}
