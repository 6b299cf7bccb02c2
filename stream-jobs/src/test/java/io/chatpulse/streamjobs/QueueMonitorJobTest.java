package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue monitor on a local MiniCluster against a real Kafka broker and the real ClickHouse
 * engine: first a replay of history three hours old (alerts recorded, replay=true), then live (the
 * oldest wait grows with no event, the alert fires on time and resolves after the clear period).
 * Thresholds are 3 s and 2 s instead of 120 s and 60 s: the same logic at test speed.
 */
class QueueMonitorJobTest {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** queue_wait_forecast held out (an hour): its test is QueueForecastInMonitorTest. */
    private static final String RULES = "queue_wait.threshold=3s;queue_wait.clear-after=2s;queue_wait_forecast.hold=1h;"
            + "tenant.stalled-co.pipeline_stalled.threshold=3s";

    private LocalEngines engines;

    @BeforeEach
    void startEngines() throws Exception {
        engines = LocalEngines.start("monitor-");
    }

    @AfterEach
    void stopEngines() {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void recordsAReplayWithoutPagingThenPagesOnTimeLiveAndResolvesAfterTheClearPeriod() throws Exception {
        long history = (System.currentTimeMillis() - Duration.ofHours(3).toMillis()) / 1000 * 1000;
        TestConversation old = new TestConversation("acme", "conv-old");
        produceAgent(agent("agent-1", AgentStatus.ONLINE, "billing", history - 60_000));
        produce(old.queued(history, "billing", QueueReason.NEW), old.assigned(history + 10_000, "agent-1"),
                old.resolved(history + 20_000, "agent-1"));

        JobClient job = startJob();
        try (AlertReader alerts = new AlertReader(engines.kafka().bootstrapServers())) {
            // The replay: the same alert as live, at the same event times, marked replay.
            await("the replayed alert and its resolution", () -> alerts.poll().size() >= 2);
            assertThat(alerts.seen()).extracting(AlertEvent::getState, AlertEvent::getEventTime, AlertEvent::getReplay)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(AlertState.FIRING, history + 3_000, true),
                            org.assertj.core.groups.Tuple.tuple(AlertState.RESOLVED, history + 12_000, true));
            // Agent time of the replay: agent-1 online from history - 60 s, holding conv-old for 10 s.
            long firstMinute = Math.floorDiv(history - 60_000, 60_000) * 60_000;
            List<String> expected = List.of(String.valueOf(firstMinute / 1000),
                    String.valueOf(firstMinute + 60_000 - (history - 60_000)), "10000", "10000");
            await("agent-1's minutes of the replay in agent_time_minutes", () -> agentTime(history).equals(expected));

            // Live: a customer waits in billing and the only agent there is offline.
            produceAgent(agent("agent-1", AgentStatus.OFFLINE, "billing", System.currentTimeMillis()));
            TestConversation live = new TestConversation("acme", "conv-live");
            long queuedAt = System.currentTimeMillis();
            produce(live.queued(queuedAt, "billing", QueueReason.NEW));

            await("billing's live row to show the customer",
                    () -> liveRow().map(r -> r.get(0).equals("1") && Long.parseLong(r.get(1)) > 0).orElse(false));
            long firstWait = Long.parseLong(liveRow().orElseThrow().get(1));
            await("the oldest wait to grow while no event arrives",
                    () -> liveRow().map(r -> Long.parseLong(r.get(1)) >= firstWait + 1_000).orElse(false));
            assertThat(liveRow().orElseThrow().get(2)).as("agents online in billing").isEqualTo("0");

            await("the live alert", () -> alerts.poll().stream().anyMatch(a -> !a.getReplay()));
            ConsumerRecord<String, byte[]> firing = alerts.records().get(2);
            AlertEvent fired = EventCodec.ALERT.decode(firing.value());
            assertThat(firing.key()).isEqualTo("acme|queue_wait|queue:billing");
            assertThat(fired.getState()).isEqualTo(AlertState.FIRING);
            assertThat(fired.getEventTime()).isEqualTo(queuedAt + 3_000);
            assertThat(fired.getStartedAt()).isEqualTo(queuedAt + 3_000);
            assertThat(fired.getValue()).isEqualTo(3.0);
            assertThat(fired.getThreshold()).isEqualTo(3.0);
            assertThat(fired.getDashboardUrl()).contains("var-tenant=acme&var-queue=billing");
            long latency = firing.timestamp() - (queuedAt + 3_000);
            System.out.println("queue_wait alert latency: " + latency + " ms after the threshold was crossed");
            assertThat(latency).as("ms from crossing the threshold to the alert on the topic").isBetween(0L, 3_000L);

            long assignedAt = System.currentTimeMillis();
            produce(live.assigned(assignedAt, "agent-2"));
            await("the resolution", () -> alerts.poll().size() >= 4);
            AlertEvent resolved = alerts.seen().get(3);
            assertThat(resolved.getState()).isEqualTo(AlertState.RESOLVED);
            assertThat(resolved.getEventTime()).as("2 s after nobody is over the threshold").isEqualTo(assignedAt + 2_000);
            assertThat(resolved.getStartedAt()).isEqualTo(queuedAt + 3_000);
            assertThat(resolved.getReplay()).isFalse();

            alerts.poll();
            assertThat(alerts.seen()).filteredOn(a -> !a.getReplay() && a.getState() == AlertState.FIRING)
                    .as("exactly one live page").hasSize(1);
            await("every state change in alert_history", () -> count("alert_history") == 4);
            assertThat(query("SELECT state, replay FROM alert_history FINAL ORDER BY event_time")).containsExactly(
                    List.of("firing", "true"), List.of("resolved", "true"),
                    List.of("firing", "false"), List.of("resolved", "false"));
            await("billing's live row to show the queue empty", () -> liveRow().map(r -> r.get(0).equals("0")).orElse(false));

            // pipeline_stalled: stalled-co's messages flow, but no KPI job stores them.
            TestConversation chatty = new TestConversation("stalled-co", "conv-chatty");
            long lastMessage = 0;
            Instant until = Instant.now().plus(DEADLINE);
            while (alerts.poll().stream().noneMatch(a -> a.getRule().equals("pipeline_stalled"))) {
                assertThat(Instant.now()).as("pipeline_stalled to fire").isBefore(until);
                lastMessage = System.currentTimeMillis();
                produce(chatty.customerMessage(lastMessage));
                Thread.sleep(400);
            }
            AlertEvent stalled = alerts.seen().get(alerts.seen().size() - 1);
            assertThat(stalled.getTenantId()).isEqualTo("stalled-co");
            assertThat(stalled.getScope()).isEqualTo("pipeline");
            assertThat(stalled.getState()).isEqualTo(AlertState.FIRING);
            assertThat(stalled.getValue()).isGreaterThanOrEqualTo(3.0);
            // The KPI job catches up: its rows reach the newest message.
            execute("INSERT INTO conversation_activity (tenant_id, queue_id, conversation_id, event_id, kind, agent_id, at)"
                    + " VALUES ('stalled-co', '', 'conv-chatty', 'e-last', 'customer_message', '', " + lastMessage + ")");
            await("pipeline_stalled to resolve", () -> alerts.poll().stream()
                    .anyMatch(a -> a.getRule().equals("pipeline_stalled") && a.getState() == AlertState.RESOLVED));
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private JobClient startJob() throws Exception {
        return engines.startQueueMonitor(Map.of("BACKLOG_IDLENESS", "3s", "PIPELINE_WATCHDOG_INTERVAL", "1s",
                "ALERT_RULES", RULES));
    }

    /** queue_length, oldest_wait_ms, agents_online of billing's latest row. */
    private java.util.Optional<List<String>> liveRow() {
        try {
            return query("SELECT queue_length, oldest_wait_ms, agents_online FROM queue_live_now(tenant = 'acme')"
                    + " WHERE queue_id = 'billing'").stream().findFirst();
        } catch (Exception e) {
            return java.util.Optional.empty();
        }
    }

    /** agent-1's first minute (epoch s) and its online ms, then occupied and conversation ms of the replay's minutes. */
    private List<String> agentTime(long history) {
        try {
            return query("SELECT toUnixTimestamp(min(minute)), argMin(online_ms, minute), sum(occupied_ms),"
                    + " sum(conversation_ms) FROM agent_time_minutes FINAL WHERE tenant_id = 'acme'"
                    + " AND agent_id = 'agent-1' AND minute < toDateTime(" + (history / 1000 + 120) + ")").get(0);
        } catch (Exception e) {
            return List.of();
        }
    }

    private void produce(ConversationEvent... events) throws Exception {
        engines.produce(events);
    }

    private void produceAgent(AgentEvent event) throws Exception {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, event.getAgentId(), EventCodec.AGENT.encode(event)))
                    .get();
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    static AgentEvent agent(String agentId, AgentStatus status, String skill, long at) {
        return AgentEvent.newBuilder().setEventId(agentId + "-" + at).setTenantId("acme").setAgentId(agentId)
                .setEventTime(at).setPayload(AgentStatusChanged.newBuilder().setStatus(status).setCapacity(2)
                        .setSkills(List.of(skill)).build())
                .build();
    }

    /** Everything on the alerts topic, in the order read (one key: one partition, in order). */
    static final class AlertReader implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        AlertReader(String bootstrapServers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "alert-reader-" + System.nanoTime());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(Topics.ALERTS));
        }

        List<AlertEvent> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return seen();
        }

        List<AlertEvent> seen() {
            return records.stream().map(r -> EventCodec.ALERT.decode(r.value())).toList();
        }

        List<ConsumerRecord<String, byte[]>> records() {
            return records;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        LocalEngines.await(what, DEADLINE, Duration.ofMillis(100), condition);
    }

    private long count(String table) {
        return engines.count(table);
    }

    private void execute(String sql) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(engines.clickHouse().jdbcUrl(), "default", "");
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<List<String>> query(String sql) throws Exception {
        return engines.query(sql);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
