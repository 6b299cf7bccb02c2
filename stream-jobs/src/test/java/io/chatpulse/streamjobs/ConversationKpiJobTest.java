package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.localstack.kafka.ContractTopics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole job on a local MiniCluster, as {@code java -cp ...} runs it, against a real Kafka broker
 * and the real ClickHouse engine: scripted conversations in, exact figures out.
 */
class ConversationKpiJobTest {

    private static final long T0 = 1_790_000_000_000L;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final byte[] UNREADABLE = "this is not an event".getBytes(StandardCharsets.UTF_8);

    private LocalEngines engines;

    /** Fresh engines per test: each test asserts every row of the tables. */
    @BeforeEach
    void startEngines() throws Exception {
        engines = LocalEngines.start("job-");
    }

    @AfterEach
    void stopEngines() {
        if (engines != null) {
            engines.close();
        }
    }

    @Test
    void computesEveryConversationFigureAndSetsAsideWhatItCannotRead() throws Exception {
        produceScriptedConversations();
        String group = "kpi-job-test";
        JobClient job = startJob(config(group));
        try {
            await("every queue wait in ClickHouse", () -> count("queue_waits") >= 4);
            // Offsets are committed when a checkpoint completes, and the sinks insert everything
            // before it does: once the group has committed every record, every figure is stored.
            await("the group to have committed every record", () -> committedEverything(group));

            assertThat(query("SELECT tenant_id, queue_id, conversation_id, toUnixTimestamp64Milli(queued_at) - " + T0
                    + ", toUnixTimestamp64Milli(ended_at) - " + T0 + ", outcome, agent_id, wait_ms"
                    + " FROM queue_waits FINAL ORDER BY conversation_id, queued_at")).containsExactly(
                    List.of("acme", "billing", "conv-1", "10", "42010", "answered", "agent-7", "42000"),
                    List.of("acme", "tech", "conv-2", "30100", "33600", "abandoned", "", "3500"),
                    List.of("globex", "tech", "conv-3", "20500", "25500", "answered", "agent-9", "5000"),
                    List.of("globex", "tech", "conv-3", "100000", "112000", "answered", "agent-9", "12000"));
            // No calendar is configured: the business-hours variants are the wall time.
            assertThat(query("SELECT tenant_id, queue_id, conversation_id, agent_id, toUnixTimestamp64Milli(started_at) - "
                    + T0 + ", toUnixTimestamp64Milli(responded_at) - " + T0 + ", frt_ms, frt_business_ms"
                    + " FROM first_responses FINAL ORDER BY conversation_id, started_at")).containsExactly(
                    List.of("acme", "billing", "conv-1", "agent-7", "0", "60000", "60000", "60000"),
                    List.of("globex", "tech", "conv-3", "agent-9", "20500", "28500", "8000", "8000"),
                    List.of("globex", "tech", "conv-3", "agent-9", "100000", "115000", "15000", "15000"));
            // The rows are what the summary views (the one definition every reader uses) expect.
            assertThat(query("SELECT queue_id, answered, median_ms FROM queue_wait_summary(tenant = 'globex',"
                    + " from = '2026-01-01 00:00:00', to = '2027-01-01 00:00:00')"))
                    .containsExactly(List.of("tech", "2", "8500.0"));

            assertThat(query("SELECT conversation_id, queue_id, agent_id, toUnixTimestamp64Milli(customer_at) - " + T0
                    + ", reply_ms, reply_business_ms FROM reply_times FINAL ORDER BY conversation_id")).containsExactly(
                    List.of("conv-1", "billing", "agent-7", "1000", "59000", "59000"),
                    List.of("conv-3", "tech", "agent-9", "100500", "14500", "14500"));
            assertThat(query("SELECT conversation_id, queue_id, agent_id, resolved_by, toUnixTimestamp64Milli(started_at) - "
                    + T0 + ", resolution_ms, after_reopen, resolution_business_ms FROM resolutions FINAL"
                    + " ORDER BY conversation_id")).containsExactly(
                    List.of("conv-1", "billing", "agent-7", "agent", "0", "90000", "false", "90000"),
                    List.of("conv-3", "tech", "agent-9", "agent", "500", "49500", "false", "49500"));
            assertThat(query("SELECT conversation_id, agent_id, toUnixTimestamp64Milli(assigned_at) - " + T0
                    + ", ending, handle_ms FROM handle_times FINAL ORDER BY conversation_id")).containsExactly(
                    List.of("conv-1", "agent-7", "42010", "resolved", "47990"),
                    List.of("conv-3", "agent-9", "25500", "resolved", "24500"));
            assertThat(query("SELECT tenant_id, queue_id, conversation_id, agent_id, rating, comment FROM csat_ratings FINAL"))
                    .containsExactly(List.of("globex", "tech", "conv-3", "agent-9", "2", "slow"));
            assertThat(query("SELECT tenant_id, kind, count() FROM conversation_activity FINAL"
                    + " GROUP BY tenant_id, kind ORDER BY tenant_id, kind")).containsExactly(
                    List.of("acme", "opened", "2"), List.of("acme", "resolved", "1"), List.of("acme", "abandoned", "1"),
                    List.of("acme", "customer_message", "2"), List.of("acme", "agent_message", "2"),
                    List.of("acme", "bot_message", "1"), List.of("acme", "assigned", "1"),
                    List.of("globex", "opened", "1"), List.of("globex", "reopened", "1"), List.of("globex", "resolved", "1"),
                    List.of("globex", "survey_offered", "1"), List.of("globex", "customer_message", "1"),
                    List.of("globex", "agent_message", "2"), List.of("globex", "bot_message", "2"),
                    List.of("globex", "assigned", "2"));
            assertThat(query("SELECT tenant_id, conversation_id, channel FROM conversation_channels FINAL"
                    + " ORDER BY conversation_id")).as("the channel filter's key").containsExactly(
                    List.of("acme", "conv-1", "WEB"), List.of("acme", "conv-2", "WEB"), List.of("globex", "conv-3", "WEB"));

            assertSummaryViews();

            ConsumerRecord<byte[], byte[]> dead = awaitDeadLetter();
            assertThat(dead.value()).isEqualTo(UNREADABLE);
            assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("conv-x");
            assertThat(header(dead, "origin")).isEqualTo("test");
            assertThat(header(dead, Topics.HEADER_DLQ_REASON)).contains("not Avro single-object encoded");
            assertThat(header(dead, Topics.HEADER_DLQ_SOURCE_TOPIC)).isEqualTo(Topics.CONVERSATION_EVENTS);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRestartFromTheLatestCheckpointKeepsTheOpenClocks() throws Exception {
        TestConversation c = new TestConversation("initech", "conv-r");
        String group = "kpi-job-restart-test";
        // As the local runner starts it: a local checkpoint folder, RESTORE_FROM left at its default.
        JobConfig config = config(group)
                .with(JobConfig.CHECKPOINT_DIR, engines.data().resolve("checkpoints").toAbsolutePath().toUri().toString());

        produce(List.of(c.opened(T0, "billing"), c.queued(T0 + 10, "billing", QueueReason.NEW),
                c.customerMessage(T0 + 1_000)));
        JobClient first = startJob(config);
        try {
            await("the first run to have checkpointed every record", () -> committedEverything(group));
        } finally {
            first.cancel().get(30, TimeUnit.SECONDS);
        }
        assertThat(count("conversation_activity")).isEqualTo(2);
        assertThat(count("queue_waits")).isZero();

        produce(List.of(c.assigned(T0 + 30_010, "agent-7"), c.agentMessage(T0 + 40_000, "agent-7"),
                c.resolved(T0 + 50_000, "agent-7")));
        JobClient second = startJob(config);
        try {
            await("the second run to have checkpointed every record", () -> committedEverything(group));
            // Each figure needs what the first run saw: the queueing, the open, the customer message.
            assertThat(query("SELECT wait_ms FROM queue_waits FINAL")).containsExactly(List.of("30000"));
            assertThat(query("SELECT frt_ms FROM first_responses FINAL")).containsExactly(List.of("40000"));
            assertThat(query("SELECT reply_ms FROM reply_times FINAL")).containsExactly(List.of("39000"));
            assertThat(query("SELECT resolution_ms FROM resolutions FINAL")).containsExactly(List.of("50000"));
            assertThat(query("SELECT handle_ms FROM handle_times FINAL")).containsExactly(List.of("19990"));
            assertThat(count("conversation_activity")).as("open, message, assignment, message, resolution").isEqualTo(5);
        } finally {
            second.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void measuresTheBusinessHoursVariantsWithTheQueueMonitorsCalendars() throws Exception {
        // acme is open mon..fri 09:00-17:00 in Berlin, set as the queue monitor reads it. Summer time
        // ends on Sunday 2026-10-25: the weekend is an hour longer, the business hours are not.
        StringBuilder calendar = new StringBuilder("tenant.acme.calendar.zone=Europe/Berlin");
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            calendar.append(";tenant.acme.calendar.").append(day).append("=09:00-17:00");
        }
        long friday = berlin("2026-10-23T16:30");
        long monday = berlin("2026-10-26T09:15");
        TestConversation weekend = new TestConversation("acme", "conv-w");
        TestConversation noQueue = new TestConversation("acme", "conv-n");
        produce(List.of(
                weekend.opened(friday, "support"),
                weekend.queued(friday, "support", QueueReason.NEW),
                weekend.customerMessage(friday + 600_000),
                weekend.assigned(berlin("2026-10-26T09:00"), "agent-7"),
                weekend.agentMessage(monday, "agent-7"),
                weekend.resolved(berlin("2026-10-26T10:00"), "agent-7"),
                // Straight to an agent, never in a queue: no calendar to measure with.
                noQueue.opened(friday, null),
                noQueue.transferredToAgent(friday + 1_000, null, "agent-2"),
                noQueue.agentMessage(monday, "agent-2")));
        String group = "kpi-job-business-hours-test";
        JobClient job = startJob(config(group).with(JobConfig.ALERT_RULES, calendar.toString()));
        try {
            await("the group to have committed every record", () -> committedEverything(group));

            // Wall: 65 h 45 min (64 h 45 min of local time and the hour summer time gave back).
            // Business: Friday 16:30-17:00 and Monday 09:00-09:15.
            assertThat(query("SELECT conversation_id, queue_id, frt_ms, frt_business_ms FROM first_responses FINAL"
                    + " ORDER BY conversation_id")).containsExactly(
                    List.of("conv-n", "", "236700000", "236700000"),
                    List.of("conv-w", "support", "236700000", "2700000"));
            // From the customer's message at 16:40: 20 + 15 minutes.
            assertThat(query("SELECT conversation_id, reply_ms, reply_business_ms FROM reply_times FINAL"))
                    .containsExactly(List.of("conv-w", "236100000", "2100000"));
            // To the resolution at 10:00: 30 + 60 minutes.
            assertThat(query("SELECT conversation_id, resolution_ms, resolution_business_ms FROM resolutions FINAL"))
                    .containsExactly(List.of("conv-w", "239400000", "5400000"));

            String args = "(tenant = 'acme', from = '2026-10-01 00:00:00', to = '2026-11-01 00:00:00', tz = 'Europe/Berlin',"
                    + " bucket = 'period', by_agent = true, by_queue = false, queue = 'support', agent = '', channel = '', reason = '')";
            assertThat(query("SELECT agent, n, median_ms FROM report_first_responses_business" + args))
                    .containsExactly(List.of("agent-7", "1", "2700000.0"));
            assertThat(query("SELECT agent, n, toUInt64(median_ms) FROM report_first_responses" + args))
                    .containsExactly(List.of("agent-7", "1", "236700000"));
            assertThat(query("SELECT n, mean_ms FROM report_reply_times_business" + args))
                    .containsExactly(List.of("1", "2100000.0"));
            assertThat(query("SELECT n, p90_ms FROM report_resolution_times_business" + args))
                    .containsExactly(List.of("1", "5400000.0"));
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private static long berlin(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("Europe/Berlin")).toInstant().toEpochMilli();
    }

    /** The summary views (projections of the report views) read the stored figures as metrics.md defines them. */
    private void assertSummaryViews() throws Exception {
        String period = "from = '2026-01-01 00:00:00', to = '2027-01-01 00:00:00'";
        assertThat(query("SELECT queue_id, replies, median_ms FROM reply_time_summary(tenant = 'globex', " + period + ")"))
                .containsExactly(List.of("tech", "1", "14500.0"));
        assertThat(query("SELECT queue_id, resolutions, mean_ms FROM resolution_time_summary(tenant = 'acme', " + period
                + ")")).containsExactly(List.of("billing", "1", "90000.0"));
        assertThat(query("SELECT agent_id, episodes, resolved, p90_ms FROM handle_time_summary(tenant = 'globex', "
                + period + ")")).containsExactly(List.of("agent-9", "1", "1", "24500.0"));
        assertThat(query("SELECT agent_id, ratings, satisfied, negative, csat, average_rating, negative_rate"
                + " FROM csat_summary(tenant = 'globex', " + period + ")"))
                .containsExactly(List.of("agent-9", "1", "0", "1", "0.0", "2.0", "1.0"));
        assertThat(query("SELECT agent_id, surveys_offered, ratings, response_rate"
                + " FROM survey_response_summary(tenant = 'globex', " + period + ")"))
                .containsExactly(List.of("agent-9", "1", "1", "1.0"));
        assertThat(query("SELECT queue_id, opened, messages_in, messages_out_agent, messages_out_bot, abandoned,"
                + " reopens, resolutions, ifNull(toString(reopen_rate), 'none'), surveys_offered"
                + " FROM conversation_volume(tenant = 'acme', " + period + ") ORDER BY queue_id")).containsExactly(
                List.of("", "1", "1", "0", "1", "0", "0", "0", "none", "0"),
                List.of("billing", "1", "1", "2", "0", "0", "0", "1", "0", "0"),
                List.of("tech", "0", "0", "0", "0", "1", "0", "0", "none", "0"));

        assertThat(query("SELECT agent_id, conversations_handled, resolutions, messages, transfers_away"
                + " FROM agent_activity_summary(tenant = 'globex', " + period + ")"))
                .containsExactly(List.of("agent-9", "1", "1", "2", "0"));
        assertThat(query("SELECT agent_id, responses, median_ms, p90_ms, mean_ms"
                + " FROM agent_first_response_summary(tenant = 'globex', " + period + ")"))
                .containsExactly(List.of("agent-9", "2", "11500.0", "14300.0", "11500.0"));
        assertThat(query("SELECT agent_id, replies, median_ms FROM agent_reply_time_summary(tenant = 'acme', " + period
                + ")")).containsExactly(List.of("agent-7", "1", "59000.0"));
        // conv-2's abandon after 3.5 s is a short abandon: out of both rates.
        assertThat(query("SELECT queue_id, answered, answered_within, abandoned, short_abandons,"
                + " ifNull(toString(service_level), 'none'), ifNull(toString(abandonment_rate), 'none'),"
                + " ifNull(toString(average_speed_of_answer_ms), 'none') FROM queue_service_summary(tenant = 'acme', "
                + period + ", answer_within_ms = 30000, short_abandon_ms = 5000) ORDER BY queue_id")).containsExactly(
                List.of("billing", "1", "0", "0", "0", "0", "0", "42000"),
                List.of("tech", "0", "0", "0", "1", "none", "none", "none"));
    }

    private JobConfig config(String group) {
        return JobConfig.from(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", engines.kafka().bootstrapServers(),
                "KAFKA_GROUP_ID", group,
                "CLICKHOUSE_URL", engines.clickHouse().jdbcUrl(),
                "CHECKPOINT_INTERVAL", "1s",
                "CLICKHOUSE_FLUSH_INTERVAL", "200ms",
                "PARALLELISM", "2",
                "SOURCE_IDLENESS", "1s"));
    }

    /** As {@code java -cp ... ConversationKpiJob} runs it: a MiniCluster of its own. */
    private static JobClient startJob(JobConfig config) throws Exception {
        StreamExecutionEnvironment env = JobEnvironment.create(config);
        ConversationKpiJob.define(env, config);
        return env.executeAsync(ConversationKpiJob.NAME);
    }

    private void produce(List<ConversationEvent> events) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (ConversationEvent event : events) {
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, event.getConversationId(),
                        EventCodec.CONVERSATION.encode(event))).get();
            }
        }
    }

    private void produceScriptedConversations() throws Exception {
        TestConversation one = new TestConversation("acme", "conv-1");
        TestConversation two = new TestConversation("acme", "conv-2");
        TestConversation three = new TestConversation("globex", "conv-3");
        ConversationEvent oneOpened = one.opened(T0, "billing");
        List<ConversationEvent> events = List.of(
                oneOpened,
                one.queued(T0 + 10, "billing", QueueReason.NEW),
                one.customerMessage(T0 + 1_000),
                one.assigned(T0 + 42_010, "agent-7"),
                one.agentMessage(T0 + 60_000, "agent-7"),
                // Delivered twice: counted again, it would restart the first-response clock.
                oneOpened,
                one.agentMessage(T0 + 70_000, "agent-7"),
                one.resolved(T0 + 90_000, "agent-7"),

                two.opened(T0 + 100, null),
                two.customerMessage(T0 + 200),
                two.botMessage(T0 + 1_000),
                two.queued(T0 + 30_100, "tech", QueueReason.BOT_HANDOFF),
                two.abandoned(T0 + 33_600, "tech"),

                three.opened(T0 + 500, null),
                three.botMessage(T0 + 1_500),
                three.queued(T0 + 20_500, "tech", QueueReason.BOT_HANDOFF),
                three.assigned(T0 + 25_500, "agent-9"),
                three.agentMessage(T0 + 28_500, "agent-9"),
                three.resolved(T0 + 50_000, "agent-9"),
                three.surveyOffered(T0 + 50_000, "agent-9"),
                three.csat(T0 + 55_000, 2, "slow", "agent-9"),
                three.reopened(T0 + 100_000),
                three.queued(T0 + 100_000, "tech", QueueReason.REOPEN),
                three.customerMessage(T0 + 100_500),
                three.botMessage(T0 + 101_000),
                three.assigned(T0 + 112_000, "agent-9"),
                three.agentMessage(T0 + 115_000, "agent-9"));

        produce(events);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("origin", "test".getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS, null, "conv-x", UNREADABLE, headers)).get();
        }
    }

    private boolean committedEverything(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", engines.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < ContractTopics.load().topic(Topics.CONVERSATION_EVENTS).partitions(); p++) {
                latest.put(new TopicPartition(Topics.CONVERSATION_EVENTS, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || (committed.get(end.getKey()) != null
                    && committed.get(end.getKey()).offset() == end.getValue().offset()));
        } catch (Exception e) {
            return false;
        }
    }

    private ConsumerRecord<byte[], byte[]> awaitDeadLetter() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + System.nanoTime());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DEAD_LETTER));
            List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
            Instant deadline = Instant.now().plus(DEADLINE);
            while (seen.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
            }
            assertThat(seen).as("records on " + Topics.DEAD_LETTER).hasSize(1);
            return seen.get(0);
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        var header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
        LocalEngines.await(what, DEADLINE, Duration.ofMillis(200), condition);
    }

    private long count(String table) {
        return engines.count(table);
    }

    private List<List<String>> query(String sql) throws Exception {
        return engines.query(sql);
    }
}
