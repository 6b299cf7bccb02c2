package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.Topics;
import io.chatpulse.events.codec.EventCodec;
import io.chatpulse.queuemath.ErlangA;
import io.chatpulse.queuemath.ErlangC;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: the forecast the queue monitor stores, recomputed from the raw events of a simulated busy
 * afternoon by metrics.md's written definition ("Forecast and staffing") in this test: the arrival
 * rate exponentially weighted over 15 min, the mean of the handle times of the last hour (the
 * default 300 s until 20), the patience as waited time over abandons (from 5 abandons, decision
 * 20), 3 agents × 2 chats = 6 slots; then queue-math's formulas (checked on their own in
 * queue-math). Every row the real job wrote to the real ClickHouse over the replayed history must
 * match. The history is a replay (its arrivals end half an hour ago), whose rows are written when the
 * counts change.
 */
class QueueForecastReferenceTest {

    private static final long SEED = 20_261_207L;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final long MINUTE = 60_000L;
    private static final double TAU_S = 900;
    private static final int CAPACITY = 2;
    private static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3");

    /** One simulated conversation: queued, then assigned and resolved, or abandoned. */
    private record Conversation(String id, long queuedAt, long endedWaitAt, boolean abandoned, long resolvedAt,
                                String agent) {
    }

    @Test
    void everyStoredForecastEqualsTheDefinitionOverTheRawEvents() throws Exception {
        // Two hours ago: all of it a replay (older than the 60 s bound), not much to tick through after it.
        long start = (System.currentTimeMillis() - Duration.ofMinutes(120).toMillis()) / 1000 * 1000;
        long agentsOnlineAt = start - 30_000 + 250;
        List<Conversation> conversations = simulate(start);
        long lastEvent = conversations.stream()
                .mapToLong(c -> c.abandoned() ? c.endedWaitAt() : c.resolvedAt()).max().orElseThrow();
        assertThat(lastEvent).as("the history ends in the past").isLessThan(System.currentTimeMillis() - 120_000);

        try (LocalEngines engines = LocalEngines.start("forecast-")) {
            produceAgents(engines, agentsOnlineAt);
            engines.produce(events(conversations));
            JobClient job = engines.startQueueMonitor(Map.of("BACKLOG_IDLENESS", "3s", "PIPELINE_WATCHDOG_INTERVAL", "0"));
            try {
                LocalEngines.await("the replay's rows up to the last event", DEADLINE, Duration.ofMillis(500),
                        () -> lastRowAt(engines) >= lastEvent);
                List<List<String>> rows = engines.query("SELECT toUnixTimestamp64Milli(as_of), arrivals_per_hour,"
                        + " handle_time_s, handle_times, ifNull(patience_s, 0), slots, forecast_model, wait_probability,"
                        + " forecast_service_level, wait_over_threshold_probability, agents_needed"
                        + " FROM queue_live_history FINAL WHERE tenant_id = 'acme' AND queue_id = 'billing'"
                        + " AND as_of <= fromUnixTimestamp64Milli(" + lastEvent + ") ORDER BY as_of");
                long firstRow = (agentsOnlineAt / 1000 + 1) * 1000;
                compare(rows, conversations, firstRow);
                assertEachMinutesLastForecastIsKept(engines, rows, lastEvent);
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void compare(List<List<String>> rows, List<Conversation> conversations, long firstRow) {
        assertThat(rows).as("rows of the replay").hasSizeGreaterThan(100);
        SoftAssertions softly = new SoftAssertions();
        int erlangA = 0;
        for (List<String> row : rows) {
            long at = Long.parseLong(row.get(0));
            Expected expected = expected(conversations, firstRow, at);
            String where = "row at +" + (at - firstRow) / 1000 + " s";
            softly.assertThat(Double.parseDouble(row.get(1))).as(where + " arrivals/h")
                    .isCloseTo(expected.lambda * 3600, org.assertj.core.data.Percentage.withPercentage(1e-7));
            softly.assertThat(Double.parseDouble(row.get(2))).as(where + " handle time").isCloseTo(expected.handle,
                    org.assertj.core.data.Offset.offset(1e-9));
            softly.assertThat(Integer.parseInt(row.get(3))).as(where + " handle times").isEqualTo(expected.handles);
            softly.assertThat(Double.parseDouble(row.get(4))).as(where + " patience").isCloseTo(expected.patience,
                    org.assertj.core.data.Offset.offset(1e-9));
            softly.assertThat(Integer.parseInt(row.get(5))).as(where + " slots").isEqualTo(6);
            softly.assertThat(row.get(6)).as(where + " model").isEqualTo(expected.patience > 0 ? "erlang_a" : "erlang_c");
            softly.assertThat(Double.parseDouble(row.get(7))).as(where + " P(wait)")
                    .isCloseTo(expected.waiting, org.assertj.core.data.Offset.offset(1e-6));
            softly.assertThat(Double.parseDouble(row.get(8))).as(where + " service level")
                    .isCloseTo(expected.serviceLevel, org.assertj.core.data.Offset.offset(1e-6));
            softly.assertThat(Double.parseDouble(row.get(9))).as(where + " P(wait > 120 s)")
                    .isCloseTo(expected.overThreshold, org.assertj.core.data.Offset.offset(1e-6));
            softly.assertThat(Integer.parseInt(row.get(10))).as(where + " agents needed").isEqualTo(expected.agentsNeeded);
            erlangA += expected.patience > 0 ? 1 : 0;
        }
        softly.assertAll();
        System.out.println("queue forecast reference: " + rows.size() + " stored rows equal the definition, "
                + erlangA + " of them Erlang A");
        assertThat(erlangA).as("rows forecast with Erlang A (after 5 abandons)").isBetween(1, rows.size() - 1);
    }

    /**
     * V048 (decision 29): queue_forecast_minutes holds, for every minute with a row, the minute's last
     * forecast row as the job wrote it; the minute of the last event may still get rows, so it is left out.
     */
    private static void assertEachMinutesLastForecastIsKept(LocalEngines engines, List<List<String>> rows, long lastEvent)
            throws Exception {
        java.util.TreeMap<Long, List<String>> lastOfMinute = new java.util.TreeMap<>();
        for (List<String> row : rows) {
            long at = Long.parseLong(row.get(0));
            if (Math.floorDiv(at, MINUTE) < Math.floorDiv(lastEvent, MINUTE)) {
                lastOfMinute.put(Math.floorDiv(at, MINUTE) * MINUTE, row);
            }
        }
        List<List<String>> kept = engines.query("SELECT toUnixTimestamp(minute) * 1000, toUnixTimestamp64Milli(as_of),"
                + " forecast_service_level FROM queue_forecast_minutes FINAL WHERE tenant_id = 'acme' AND queue_id = 'billing'"
                + " AND minute < toStartOfMinute(fromUnixTimestamp64Milli(" + lastEvent + ")) ORDER BY minute");
        assertThat(kept).as("minutes kept").hasSize(lastOfMinute.size());
        int i = 0;
        for (java.util.Map.Entry<Long, List<String>> minute : lastOfMinute.entrySet()) {
            assertThat(kept.get(i).subList(0, 2)).as("minute " + minute.getKey())
                    .containsExactly(String.valueOf(minute.getKey()), minute.getValue().get(0));
            assertThat(Double.parseDouble(kept.get(i).get(2))).isEqualTo(Double.parseDouble(minute.getValue().get(8)));
            i++;
        }
    }

    /** The inputs and the figures of metrics.md at {@code at}, from the conversations alone. */
    private record Expected(double lambda, double handle, int handles, double patience, double waiting,
                            double serviceLevel, double overThreshold, int agentsNeeded) {
    }

    private static Expected expected(List<Conversation> conversations, long firstRow, long at) {
        double weighted = 0;
        long minute = Math.floorDiv(at, MINUTE);
        long handleSum = 0;
        int handles = 0;
        long waited = 0;
        int abandons = 0;
        for (Conversation c : conversations) {
            if (c.queuedAt() <= at) {
                weighted += Math.exp(-(at - c.queuedAt()) / 1000.0 / TAU_S);
            }
            // "The last hour": the minutes of the last 60, this one included.
            if (c.endedWaitAt() <= at && Math.floorDiv(c.endedWaitAt(), MINUTE) > minute - 60) {
                waited += c.endedWaitAt() - c.queuedAt();
                abandons += c.abandoned() ? 1 : 0;
            }
            if (!c.abandoned() && c.resolvedAt() <= at && Math.floorDiv(c.resolvedAt(), MINUTE) > minute - 60) {
                handleSum += c.resolvedAt() - c.endedWaitAt();
                handles++;
            }
        }
        double watched = Math.max(60, (at - firstRow) / 1000.0);
        double lambda = weighted / (TAU_S * (1 - Math.exp(-watched / TAU_S)));
        double handle = handles >= 20 ? handleSum / 1000.0 / handles : 300;
        double patience = abandons >= 5 ? waited / 1000.0 / abandons : 0;
        int slots = AGENTS.size() * CAPACITY;
        if (patience > 0) {
            ErlangA queue = ErlangA.of(slots, lambda, handle, patience);
            int needed = ErlangA.serversNeeded(lambda, handle, patience, 0.8, 30);
            return new Expected(lambda, handle, handles, patience, queue.probabilityOfWaiting(), queue.serviceLevel(30),
                    queue.probabilityWaitOver(120), (int) Math.ceil(needed / (double) CAPACITY));
        }
        double offered = lambda * handle;
        int needed = ErlangC.serversNeeded(offered, handle, 0.8, 30);
        return new Expected(lambda, handle, handles, 0, ErlangC.probabilityOfWaiting(slots, offered),
                ErlangC.serviceLevel(slots, offered, handle, 30), ErlangC.probabilityWaitOver(slots, offered, handle, 120),
                (int) Math.ceil(needed / (double) CAPACITY));
    }

    /**
     * Ninety minutes of one queue: arrivals every 45 s on average, handle times of 240 s and
     * patiences of 150 s on average (exponential), 6 slots first come first served. Times end in
     * 137 ms and similar, never on a second, so no event shares an instant with a row.
     */
    private static List<Conversation> simulate(long start) {
        SplittableRandom random = new SplittableRandom(SEED);
        PriorityQueue<long[]> freeAt = new PriorityQueue<>(Comparator.comparingLong((long[] s) -> s[0]));
        for (int agent = 0; agent < AGENTS.size(); agent++) {
            for (int slot = 0; slot < CAPACITY; slot++) {
                freeAt.add(new long[] {start, agent});
            }
        }
        List<Conversation> conversations = new ArrayList<>();
        long t = start;
        for (int i = 0; t < start + 90 * MINUTE; i++) {
            t += offSecond(exponential(random, 45_000));
            long patience = exponential(random, 150_000);
            long handle = exponential(random, 240_000);
            long[] slot = freeAt.peek();
            long answerAt = Math.max(t, slot[0]) + (slot[0] > t ? 1 : 0);
            String id = "conv-" + i;
            if (answerAt - t > patience) {
                conversations.add(new Conversation(id, t, offSecond(t + patience), true, 0, null));
                continue;
            }
            freeAt.poll();
            long assigned = offSecond(answerAt);
            long resolved = offSecond(assigned + handle);
            freeAt.add(new long[] {resolved, slot[1]});
            conversations.add(new Conversation(id, t, assigned, false, resolved, AGENTS.get((int) slot[1])));
        }
        return conversations;
    }

    private static long exponential(SplittableRandom random, double mean) {
        return Math.max(1, Math.round(-mean * Math.log(1 - random.nextDouble())));
    }

    /** The instant moved off a whole second (to .137 of it) if it falls on one. */
    private static long offSecond(long at) {
        return at % 1000 == 0 ? at + 137 : at;
    }

    private static ConversationEvent[] events(List<Conversation> conversations) {
        List<ConversationEvent> events = new ArrayList<>();
        for (Conversation c : conversations) {
            TestConversation conversation = new TestConversation("acme", c.id());
            events.add(conversation.queued(c.queuedAt(), "billing", QueueReason.NEW));
            if (c.abandoned()) {
                events.add(conversation.abandoned(c.endedWaitAt(), "billing"));
            } else {
                events.add(conversation.assigned(c.endedWaitAt(), c.agent()));
                events.add(conversation.resolved(c.resolvedAt(), c.agent()));
            }
        }
        events.sort(Comparator.comparingLong(ConversationEvent::getEventTime));
        return events.toArray(ConversationEvent[]::new);
    }

    private static void produceAgents(LocalEngines engines, long at) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, engines.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (String agent : AGENTS) {
                AgentEvent event = AgentEvent.newBuilder().setEventId(agent + "-" + at).setTenantId("acme")
                        .setAgentId(agent).setEventTime(at).setPayload(AgentStatusChanged.newBuilder()
                                .setStatus(AgentStatus.ONLINE).setCapacity(CAPACITY).setSkills(List.of("billing")).build())
                        .build();
                producer.send(new ProducerRecord<>(Topics.AGENT_EVENTS, agent, EventCodec.AGENT.encode(event))).get();
            }
        }
    }

    private static long lastRowAt(LocalEngines engines) {
        try {
            return Long.parseLong(engines.query("SELECT toUnixTimestamp64Milli(max(as_of)) FROM queue_live_history"
                    + " WHERE tenant_id = 'acme' AND queue_id = 'billing'").get(0).get(0));
        } catch (Exception e) {
            return 0;
        }
    }
}
