package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.QueueMonitorJobTest.AlertReader;
import io.chatpulse.streamjobs.history.HistoryImportCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History imported into a tenant that has live traffic, on the real engines: the live queue
 * monitor runs, customers of the same tenant and queue come and wait live, and files of past years
 * are imported before any live traffic, between two live conversations, while a live customer
 * waits past the threshold, and again after (files out of time order, one twice). Nobody is paged
 * but for the live customer; the live figures are the live customers' alone; and each import's own
 * alert history is what a replay of it records, marked replay, once.
 * Thresholds of 3 s and 2 s instead of 120 s and 60 s: the same logic at test speed.
 */
class HistoryImportIntoLiveTenantTest {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    /** queue_wait_forecast held out (an hour): its test is QueueForecastInMonitorTest. */
    private static final String RULES = "queue_wait.threshold=3s;queue_wait.clear-after=2s;queue_wait_forecast.hold=1h";
    private static final long BEFORE_LIVE = Instant.parse("2024-12-02T10:00:00Z").toEpochMilli();
    private static final long BETWEEN_LIVE = Instant.parse("2023-06-05T08:00:00Z").toEpochMilli();
    private static final long DURING_WAIT = Instant.parse("2025-03-01T16:00:00Z").toEpochMilli();

    @TempDir
    Path files;
    private LocalEngines engines;

    @BeforeEach
    void startEngines() throws Exception {
        engines = LocalEngines.start("import-live-");
    }

    @AfterEach
    void stopEngines() {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void importedHistoryPagesNobodyLeavesTheLiveFiguresAloneAndRecordsItsOwnReplay() throws Exception {
        // In each file one customer waits over the threshold in its day (b-2 10 s, g-1 5 s, d-1 4 s).
        Path beforeLive = file("before-live.jsonl",
                conversation("b-1", BEFORE_LIVE, 1_000), conversation("b-2", BEFORE_LIVE + 10_000, 10_000));
        Path betweenLive = file("between-live.jsonl", conversation("g-1", BETWEEN_LIVE, 5_000));
        Path duringWait = file("during-wait.jsonl", conversation("d-1", DURING_WAIT, 4_000));

        JobClient job = startMonitor();
        try (AlertReader alerts = new AlertReader(engines.kafka().bootstrapServers())) {
            assertThat(importFile(beforeLive)).as("import before any live traffic").isZero();

            TestConversation first = new TestConversation("acme", "live-1");
            long firstQueuedAt = System.currentTimeMillis();
            produce(first.queued(firstQueuedAt, "billing", QueueReason.NEW), first.assigned(firstQueuedAt + 500, "agent-7"));
            await("billing's live row after the first live customer was answered", () -> liveRow()
                    .map(r -> r.get(0).equals("0") && Long.parseLong(r.get(2)) > firstQueuedAt + 500).orElse(false));
            assertThat(importFile(betweenLive)).as("an older file between two live conversations").isZero();

            TestConversation second = new TestConversation("acme", "live-2");
            long queuedAt = System.currentTimeMillis();
            produce(second.queued(queuedAt, "billing", QueueReason.NEW));
            await("the live customer's page", () -> alerts.poll().stream()
                    .anyMatch(a -> !a.getReplay() && a.getEventTime() == queuedAt + 3_000));
            assertThat(importFile(duringWait)).as("a newer file while the customer waits").isZero();
            await("billing's live row a second after the import",
                    () -> liveRow().map(r -> Long.parseLong(r.get(2)) > System.currentTimeMillis() - 1_000)
                            .orElse(false));
            List<String> row = liveRow().orElseThrow();
            assertThat(row.get(0)).as("customers waiting in billing now").isEqualTo("1");
            assertThat(Long.parseLong(row.get(1))).as("the oldest wait: the live customer's, not a past one's")
                    .isBetween(3_000L, Long.parseLong(row.get(2)) - queuedAt);

            long assignedAt = System.currentTimeMillis();
            produce(second.assigned(assignedAt, "agent-7"));
            await("the live page's resolution", () -> alerts.poll().stream()
                    .anyMatch(a -> !a.getReplay() && a.getState() == AlertState.RESOLVED));
            assertThat(importFile(beforeLive)).as("the first file again, after the live wait").isZero();
            await("billing's live row to show nobody waiting", () -> liveRow().map(r -> r.get(0).equals("0")).orElse(false));

            await("the imports' alert history", () -> replayedHistory().size() >= 6);
            alerts.poll();
            assertThat(alerts.seen()).filteredOn(a -> !a.getReplay())
                    .as("the only alerts that page: the live customer's")
                    .extracting(AlertEvent::getState, AlertEvent::getEventTime)
                    .containsExactly(tuple(AlertState.FIRING, queuedAt + 3_000),
                            tuple(AlertState.RESOLVED, assignedAt + 2_000));
            // Each import's replay: over the threshold from 3 s into the long wait until 2 s after it ended.
            assertThat(replayedHistory()).containsExactly(
                    List.of("firing", at(BETWEEN_LIVE + 3_000)), List.of("resolved", at(BETWEEN_LIVE + 7_000)),
                    List.of("firing", at(BEFORE_LIVE + 13_000)), List.of("resolved", at(BEFORE_LIVE + 22_000)),
                    List.of("firing", at(DURING_WAIT + 3_000)), List.of("resolved", at(DURING_WAIT + 6_000)));
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static String at(long epochMs) {
        return String.valueOf(epochMs);
    }

    /** A finished conversation of tenant acme in billing: queued at {@code at}, assigned after {@code waitMs}. */
    private static String conversation(String id, long at, long waitMs) {
        return String.join("\n",
                line(id, "opened", at, "\"queue\":\"billing\""),
                line(id, "queued", at, "\"queue\":\"billing\""),
                line(id, "assigned", at + waitMs, "\"agent\":\"anna\",\"queue\":\"billing\""),
                line(id, "resolved", at + waitMs + 60_000, "\"agent\":\"anna\""));
    }

    private static String line(String id, String type, long at, String fields) {
        return "{\"tenant\":\"acme\",\"conversation\":\"" + id + "\",\"type\":\"" + type + "\",\"at\":\""
                + Instant.ofEpochMilli(at) + "\"," + fields + "}";
    }

    private Path file(String name, String... conversations) throws Exception {
        return Files.writeString(files.resolve(name), String.join("\n", conversations) + "\n");
    }

    private int importFile(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = HistoryImportCommand.run(new String[] {file.toString()}, Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", engines.kafka().bootstrapServers(),
                        "CLICKHOUSE_URL", engines.clickHouse().jdbcUrl(),
                        "CLICKHOUSE_FLUSH_INTERVAL", "200ms",
                        "ALERT_RULES", RULES),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err, false);
        System.out.print(out.toString(StandardCharsets.UTF_8));
        return status;
    }

    private JobClient startMonitor() throws Exception {
        return engines.startQueueMonitor(Map.of("PIPELINE_WATCHDOG_INTERVAL", "0", "ALERT_RULES", RULES));
    }

    /** queue_length, oldest_wait_ms and as_of (epoch ms) of billing's latest live row. */
    private java.util.Optional<List<String>> liveRow() {
        try {
            return engines.query("SELECT queue_length, oldest_wait_ms, toUnixTimestamp64Milli(as_of)"
                    + " FROM queue_live_now(tenant = 'acme') WHERE queue_id = 'billing'").stream().findFirst();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    /** The replayed state changes of acme's billing queue, oldest first. */
    private List<List<String>> replayedHistory() {
        try {
            return engines.query("SELECT state, toUnixTimestamp64Milli(event_time) FROM alert_history FINAL"
                    + " WHERE tenant_id = 'acme' AND replay ORDER BY event_time");
        } catch (Exception e) {
            return List.of();
        }
    }

    private void produce(ConversationEvent... events) throws Exception {
        engines.produce(events);
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        LocalEngines.await(what, DEADLINE, Duration.ofMillis(100), condition);
    }
}
