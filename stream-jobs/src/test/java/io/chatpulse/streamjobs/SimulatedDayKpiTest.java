package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.streamjobs.reference.Figure;
import io.chatpulse.streamjobs.reference.ReferenceKpis;
import io.chatpulse.streamjobs.reference.ReferenceKpis.Table;
import io.chatpulse.streamjobs.reference.ReferenceReport;
import io.chatpulse.streamjobs.reference.ReferenceReport.Scope;
import io.chatpulse.streamjobs.reference.SimulatedDay;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: every KPI of a simulated day, computed from its raw events by the plain reference of
 * {@code reference/} (metrics.md's wording, none of the job's code), equals what the real job stores
 * in the real ClickHouse: per conversation in the tables, and over the day in the report views the API
 * reads, with the API's parameters. Events later than the job can put in order are on the dead-letter
 * topic, and only those. A failure names the conversation or the view, filter and agent.
 */
class SimulatedDayKpiTest {

    private static final long SEED = 20_261_117L;
    private static final long DAY = Instant.parse("2026-11-17T00:00:00Z").toEpochMilli();
    private static final int CONVERSATIONS = 300;
    private static final int REORDERED_CONVERSATIONS = 100;
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final DateTimeFormatter SQL_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    /**
     * What the per-conversation comparison reads of each table, in the order of {@link Figure#row()};
     * the business-hours variants too (no calendar is configured: they are the wall time).
     */
    private static final Map<Table, String> STORED = new EnumMap<>(Map.of(
            Table.QUEUE_WAITS, "queue_id, agent_id, ms(queued_at), ms(ended_at), wait_ms, outcome",
            Table.FIRST_RESPONSES, "queue_id, agent_id, ms(started_at), ms(responded_at), frt_ms, frt_business_ms",
            Table.REPLY_TIMES, "queue_id, agent_id, ms(customer_at), ms(replied_at), reply_ms, reply_business_ms",
            Table.RESOLUTIONS, "queue_id, agent_id, ms(started_at), ms(resolved_at), resolution_ms, resolved_by,"
                    + " after_reopen, resolution_business_ms",
            Table.HANDLE_TIMES, "queue_id, agent_id, ms(assigned_at), ms(ended_at), handle_ms, ending",
            Table.CSAT_RATINGS, "queue_id, agent_id, ms(submitted_at), ms(submitted_at), rating, comment",
            Table.CONVERSATION_ACTIVITY, "queue_id, agent_id, ms(at), ms(at), 0, kind"));

    @Test
    void everyKpiOfTheDayIsTheOneComputedFromItsEvents() throws Exception {
        List<ConversationEvent> delivered = SimulatedDay.delivered(SEED, DAY, CONVERSATIONS);
        List<ConversationEvent> late = ReferenceKpis.late(delivered);
        ReferenceKpis reference = ReferenceKpis.of(without(delivered, late));
        assertTheDayHasEveryCase(delivered, reference);
        assertThat(late.size()).as("customer messages delivered after the event that followed them (1 in 40 conversations)")
                .isGreaterThanOrEqualTo(5);
        try (LocalEngines engines = LocalEngines.start("simulated-day-")) {
            produce(engines, delivered);
            engines.runBoundedKpiJob("simulated-day", DEADLINE, Map.of());
            SoftAssertions softly = new SoftAssertions();
            assertFigures(softly, engines, reference);
            assertDeadLetters(softly, engines, late, "reorder window of 0 ms");
            softly.assertAll();
        }
    }

    /**
     * With a reorder window a conversation's own events may come out of order within it: every figure is
     * then the one computed from the events in event-time order (equal times in arrival order), and none
     * is dead-lettered.
     */
    @Test
    void withAReorderWindowEventsOutOfOrderWithinItCountInEventTimeOrder() throws Exception {
        List<ConversationEvent> delivered = SimulatedDay.reordered(SEED + 1, DAY, REORDERED_CONVERSATIONS, 5_000);
        List<ConversationEvent> inEventTimeOrder = delivered.stream()
                .sorted(Comparator.comparingLong(ConversationEvent::getEventTime)).toList();
        assertThat(ReferenceKpis.late(delivered).size()).as("events delivered after a later one of their conversation")
                .isGreaterThanOrEqualTo(10);
        ReferenceKpis reference = ReferenceKpis.of(inEventTimeOrder);
        try (LocalEngines engines = LocalEngines.start("simulated-day-reordered-")) {
            produce(engines, delivered);
            engines.runBoundedKpiJob("simulated-day-reordered", DEADLINE, Map.of("REORDER_WINDOW", "5s"));
            SoftAssertions softly = new SoftAssertions();
            assertFigures(softly, engines, reference);
            assertDeadLetters(softly, engines, List.of(), "");
            softly.assertAll();
        }
    }

    private void assertFigures(SoftAssertions softly, LocalEngines engines, ReferenceKpis reference) throws Exception {
        for (Table table : Table.values()) {
            assertPerConversation(softly, engines, reference, table);
        }
        for (Scope scope : scopes()) {
            assertReports(softly, engines, reference, scope);
        }
    }

    private static List<ConversationEvent> without(List<ConversationEvent> delivered, List<ConversationEvent> late) {
        Set<String> left = late.stream().map(ConversationEvent::getEventId).collect(Collectors.toSet());
        return delivered.stream().filter(e -> !left.contains(e.getEventId())).toList();
    }

    /** The day must hold every case the figures distinguish, or equality would prove little. */
    private static void assertTheDayHasEveryCase(List<ConversationEvent> delivered, ReferenceKpis reference) {
        assertThat(delivered.size() - delivered.stream().map(ConversationEvent::getEventId).distinct().count())
                .as("events delivered twice").isGreaterThan(20);
        assertThat(reference.conversations()).hasSize(CONVERSATIONS);
        assertThat(details(reference, Table.QUEUE_WAITS)).contains(List.of("abandoned"), List.of("answered"));
        assertThat(values(reference, Table.QUEUE_WAITS)).as("waits at the limits").contains(30_000L, 30_001L, 5_000L)
                .anyMatch(ms -> ms < 5_000);
        assertThat(details(reference, Table.RESOLUTIONS)).map(d -> d.subList(0, 2)).contains(List.of("bot", "false"),
                List.of("agent", "false"), List.of("agent", "true"));
        assertThat(details(reference, Table.HANDLE_TIMES)).contains(List.of("transferred"), List.of("resolved"));
        assertThat(reference.figures(Table.CSAT_RATINGS)).hasSizeGreaterThan(50);
        assertThat(reference.figures(Table.CONVERSATION_ACTIVITY)).as("steps of the day before and the day after")
                .anyMatch(f -> f.endedAt() < DAY).anyMatch(f -> f.endedAt() >= DAY + SimulatedDay.DAY_MS);
    }

    /** The dead-letter topic holds exactly the late events, each as written, with its reason. */
    private static void assertDeadLetters(SoftAssertions softly, LocalEngines engines, List<ConversationEvent> late,
                                          String reason) {
        Map<String, String> reasons = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> letter : engines.readAll(Topics.DEAD_LETTER)) {
            ConversationEvent event = EventCodec.CONVERSATION.decode(letter.value());
            Header header = letter.headers().lastHeader(Topics.HEADER_DLQ_REASON);
            reasons.put(event.getEventId(), header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
        }
        softly.assertThat(reasons.keySet()).as("event ids on " + Topics.DEAD_LETTER)
                .containsExactlyInAnyOrderElementsOf(late.stream().map(ConversationEvent::getEventId).toList());
        reasons.forEach((id, text) -> softly.assertThat(text).as("reason for " + id).contains("late event", id, reason));
    }

    private static List<List<String>> details(ReferenceKpis reference, Table table) {
        return reference.figures(table).stream().map(Figure::details).distinct().toList();
    }

    private static List<Long> values(ReferenceKpis reference, Table table) {
        return reference.figures(table).stream().map(Figure::value).toList();
    }

    private static void produce(LocalEngines engines, List<ConversationEvent> delivered) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ConversationEvent event : delivered) {
                sent.add(producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.getConversationId(),
                        EventCodec.CONVERSATION.encode(event))));
            }
        }
        for (Future<RecordMetadata> acknowledged : sent) {
            acknowledged.get();
        }
    }


    private static void assertPerConversation(SoftAssertions softly, LocalEngines engines, ReferenceKpis reference,
                                              Table table) throws Exception {
        String columns = STORED.get(table).replaceAll("ms\\((\\w+)\\)", "toUnixTimestamp64Milli($1)");
        Map<String, List<List<String>>> stored = new TreeMap<>();
        for (List<String> row : engines.query("SELECT conversation_id, " + columns + " FROM " + table.table()
                + " FINAL WHERE tenant_id = '" + SimulatedDay.TENANT + "'")) {
            stored.computeIfAbsent(row.get(0), id -> new ArrayList<>()).add(row.subList(1, row.size()));
        }
        Map<String, List<List<String>>> expected = new TreeMap<>();
        for (Figure figure : reference.figures(table)) {
            expected.computeIfAbsent(figure.conversationId(), id -> new ArrayList<>()).add(figure.row());
        }
        softly.assertThat(reference.conversations()).as("conversations in " + table.table())
                .containsAll(stored.keySet());
        for (String conversation : reference.conversations()) {
            softly.assertThat(stored.getOrDefault(conversation, List.of()))
                    .as("%s of %s (%s)", table.table(), conversation, STORED.get(table))
                    .containsExactlyInAnyOrderElementsOf(expected.getOrDefault(conversation, List.of()));
        }
    }

    /** The day as a whole and per agent, and with the queue and the channel filter (one bucket each). */
    private static List<Scope> scopes() {
        long to = DAY + SimulatedDay.DAY_MS;
        return List.of(new Scope(DAY, to, "", "", false), new Scope(DAY, to, "", "", true),
                new Scope(DAY, to, SimulatedDay.QUEUES.get(0), "", false), new Scope(DAY, to, "", "APP", false));
    }

    private static void assertReports(SoftAssertions softly, LocalEngines engines, ReferenceKpis reference,
                                      Scope scope) throws Exception {
        ReferenceReport report = new ReferenceReport(reference, scope);
        String queueWaitArgs = ", answer_within_ms = " + ReferenceReport.ANSWER_WITHIN_MS + ", short_abandon_ms = "
                + ReferenceReport.SHORT_ABANDON_MS;
        Map<String, Map<String, Map<String, Number>>> views = Map.of(
                "report_queue_waits" + args(scope, queueWaitArgs), report.queueWaits(),
                "report_first_responses" + args(scope, ""), report.durations(Table.FIRST_RESPONSES),
                "report_reply_times" + args(scope, ""), report.durations(Table.REPLY_TIMES),
                "report_resolution_times" + args(scope, ""), report.durations(Table.RESOLUTIONS),
                "report_handle_times" + args(scope, ""), report.durations(Table.HANDLE_TIMES),
                "report_csat" + args(scope, ""), report.csat(),
                "report_activity" + args(scope, ""), report.activity(),
                "report_survey_responses" + args(scope, ""), report.surveyResponses(),
                "report_agent_activity" + args(scope, ""), report.agentActivity());
        for (Map.Entry<String, Map<String, Map<String, Number>>> view : views.entrySet()) {
            assertView(softly, engines, view.getKey(), view.getValue());
        }
    }

    /** The parameters of ReportRepository: one bucket for the whole period, the caller's filters. */
    private static String args(Scope scope, String more) {
        return "(tenant = '" + SimulatedDay.TENANT + "', from = '" + SQL_TIME.format(Instant.ofEpochMilli(scope.from()))
                + "', to = '" + SQL_TIME.format(Instant.ofEpochMilli(scope.to())) + "', tz = 'UTC', bucket = 'period',"
                + " by_agent = " + scope.byAgent() + ", by_queue = false, queue = '" + scope.queue() + "', agent = '', channel = '"
                + scope.channel() + "', reason = ''" + more + ")";
    }

    private static void assertView(SoftAssertions softly, LocalEngines engines, String view,
                                   Map<String, Map<String, Number>> expected) throws Exception {
        List<String> columns = expected.values().stream().findFirst().map(row -> List.copyOf(row.keySet()))
                .orElse(List.of());
        Map<String, List<String>> stored = new TreeMap<>();
        for (List<String> row : engines.query("SELECT " + String.join(", ", concat("agent", columns))
                + " FROM " + view)) {
            stored.put(row.get(0), row.subList(1, row.size()));
        }
        softly.assertThat(stored.keySet()).as("agents of %s", view).containsExactlyElementsOf(expected.keySet());
        expected.forEach((agent, row) -> {
            List<String> values = stored.get(agent);
            for (int i = 0; values != null && i < columns.size(); i++) {
                Number want = row.get(columns.get(i));
                softly.assertThat(equal(want, values.get(i))).as("%s agent '%s' %s: reference %s, stored %s",
                        view, agent, columns.get(i), want, values.get(i)).isTrue();
            }
        });
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** Counts exactly; doubles within 1e-9 (relative above 1: the ms quantiles run into the millions). */
    private static boolean equal(Number expected, String stored) {
        if (expected == null || stored == null) {
            return expected == null && stored == null;
        }
        if (expected instanceof Long count) {
            return count == Long.parseLong(stored);
        }
        double want = expected.doubleValue();
        return Math.abs(want - Double.parseDouble(stored)) <= 1e-9 * Math.max(1, Math.abs(want));
    }
}
