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
 * 20), 3 agents × 2 chats, one of them shared with a sales queue (decision 32: his 2 slots split
 * between billing and sales by their offered loads λ·h, the sums rounded by the largest
 * remainders); then queue-math's formulas (checked on their own in queue-math). Every row the real
 * job wrote to the real ClickHouse over the replayed history must match. The history is a replay (its arrivals end half an hour ago), whose rows are written when the
 * counts change.
 */
class QueueForecastReferenceTest {

    private static final long SEED = 20_261_207L;
    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final long MINUTE = 60_000L;
    private static final double TAU_S = 900;
    private static final int CAPACITY = 2;
    private static final List<String> AGENTS = List.of("agent-1", "agent-2", "agent-3");
    /**
     * agent-3 also serves sales, whose customers (one every 90 s) all give up after 20 s: in the
     * simulated queue he answers billing alone, in the model he gives sales its share.
     */
    private static final String SHARED = "agent-3";
    private static final long SALES_EVERY_MS = 90_000;
    private static final long SALES_PATIENCE_MS = 20_000;

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
        List<Long> sales = sales(start);
        long lastEvent = conversations.stream()
                .mapToLong(c -> c.abandoned() ? c.endedWaitAt() : c.resolvedAt()).max().orElseThrow();
        assertThat(lastEvent).as("the history ends in the past").isLessThan(System.currentTimeMillis() - 120_000);

        try (LocalEngines engines = LocalEngines.start("forecast-")) {
            produceAgents(engines, agentsOnlineAt);
            engines.produce(events(conversations, sales));
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
                compare(rows, conversations, sales, firstRow);
                assertEachMinutesLastForecastIsKept(engines, rows, lastEvent);
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void compare(List<List<String>> rows, List<Conversation> conversations, List<Long> sales,
                                long firstRow) {
        assertThat(rows).as("rows of the replay").hasSizeGreaterThan(100);
        SoftAssertions softly = new SoftAssertions();
        int erlangA = 0;
        int shared = 0;
        for (List<String> row : rows) {
            long at = Long.parseLong(row.get(0));
            Expected expected = expected(conversations, sales, firstRow, at);
            String where = "row at +" + (at - firstRow) / 1000 + " s";
            softly.assertThat(Double.parseDouble(row.get(1))).as(where + " arrivals/h")
                    .isCloseTo(expected.lambda * 3600, org.assertj.core.data.Percentage.withPercentage(1e-7));
            softly.assertThat(Double.parseDouble(row.get(2))).as(where + " handle time").isCloseTo(expected.handle,
                    org.assertj.core.data.Offset.offset(1e-9));
            softly.assertThat(Integer.parseInt(row.get(3))).as(where + " handle times").isEqualTo(expected.handles);
            softly.assertThat(Double.parseDouble(row.get(4))).as(where + " patience").isCloseTo(expected.patience,
                    org.assertj.core.data.Offset.offset(1e-9));
            softly.assertThat(Integer.parseInt(row.get(5))).as(where + " slots").isEqualTo(expected.slots);
            softly.assertThat(row.get(6)).as(where + " model").isEqualTo(expected.patience > 0 ? "erlang_a" : "erlang_c");
            softly.assertThat(Double.parseDouble(row.get(7))).as(where + " P(wait)")
                    .isCloseTo(expected.waiting, org.assertj.core.data.Offset.offset(1e-6));
            softly.assertThat(Double.parseDouble(row.get(8))).as(where + " service level")
                    .isCloseTo(expected.serviceLevel, org.assertj.core.data.Offset.offset(1e-6));
            softly.assertThat(Double.parseDouble(row.get(9))).as(where + " P(wait > 120 s)")
                    .isCloseTo(expected.overThreshold, org.assertj.core.data.Offset.offset(1e-6));
            softly.assertThat(Integer.parseInt(row.get(10))).as(where + " agents needed").isEqualTo(expected.agentsNeeded);
            erlangA += expected.patience > 0 ? 1 : 0;
            shared += expected.slots < AGENTS.size() * CAPACITY ? 1 : 0;
        }
        softly.assertAll();
        System.out.println("queue forecast reference: " + rows.size() + " stored rows equal the definition, "
                + erlangA + " of them Erlang A, " + shared + " with a slot of agent-3 given to sales");
        assertThat(erlangA).as("rows forecast with Erlang A (after 5 abandons)").isBetween(1, rows.size() - 1);
        assertThat(shared).as("rows with fewer than 6 slots (agent-3 shared with sales)").isBetween(1, rows.size() - 1);
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
    private record Expected(double lambda, double handle, int handles, double patience, int slots, double waiting,
                            double serviceLevel, double overThreshold, int agentsNeeded) {
    }

    private static Expected expected(List<Conversation> conversations, List<Long> sales, long firstRow, long at) {
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
        int slots = billingSlots(lambda * handle, salesRate(sales, firstRow, at) * 300);
        // Agents needed are agents like the three online, each giving billing the slots he gives it now.
        double capacity = slots / (double) AGENTS.size();
        if (patience > 0) {
            ErlangA queue = ErlangA.of(slots, lambda, handle, patience);
            int needed = ErlangA.serversNeeded(lambda, handle, patience, 0.8, 30);
            return new Expected(lambda, handle, handles, patience, slots, queue.probabilityOfWaiting(),
                    queue.serviceLevel(30), queue.probabilityWaitOver(120), (int) Math.ceil(needed / capacity));
        }
        double offered = lambda * handle;
        int needed = ErlangC.serversNeeded(offered, handle, 0.8, 30);
        return new Expected(lambda, handle, handles, 0, slots, ErlangC.probabilityOfWaiting(slots, offered),
                ErlangC.serviceLevel(slots, offered, handle, 30), ErlangC.probabilityWaitOver(slots, offered, handle, 120),
                (int) Math.ceil(needed / capacity));
    }

    /**
     * Billing's slots by decision 32's definition: agent-1 and agent-2 give it all 4 of theirs; agent-3
     * splits his 2 in proportion to the offered loads (equal halves while both are 0); billing's
     * 4 + share and sales' 2 − share are rounded so that they add up to 6, the larger fraction
     * rounded up (a tie to billing, the first by name).
     */
    private static int billingSlots(double billingLoad, double salesLoad) {
        double load = billingLoad + salesLoad;
        double billing = (AGENTS.size() - 1) * CAPACITY + (load > 0 ? CAPACITY * billingLoad / load : CAPACITY / 2.0);
        double sales = load > 0 ? CAPACITY * salesLoad / load : CAPACITY / 2.0;
        double billingFraction = billing - Math.floor(billing);
        double salesFraction = sales - Math.floor(sales);
        boolean leftOver = Math.floor(billing) + Math.floor(sales) < AGENTS.size() * CAPACITY;
        return (int) Math.floor(billing) + (leftOver && billingFraction >= salesFraction ? 1 : 0);
    }

    /** Sales' arrival rate by the same definition as billing's (watched from the same first row; no handle time yet: 300 s). */
    private static double salesRate(List<Long> sales, long firstRow, long at) {
        double weighted = 0;
        for (long queuedAt : sales) {
            if (queuedAt <= at) {
                weighted += Math.exp(-(at - queuedAt) / 1000.0 / TAU_S);
            }
        }
        double watched = Math.max(60, (at - firstRow) / 1000.0);
        return weighted / (TAU_S * (1 - Math.exp(-watched / TAU_S)));
    }

    /** When the sales customers queue: every 90 s (off the whole second) for the ninety minutes. */
    private static List<Long> sales(long start) {
        List<Long> queuedAt = new ArrayList<>();
        for (long t = start + SALES_EVERY_MS / 2 + 311; t < start + 90 * MINUTE; t += SALES_EVERY_MS) {
            queuedAt.add(t);
        }
        return queuedAt;
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

    private static ConversationEvent[] events(List<Conversation> conversations, List<Long> sales) {
        List<ConversationEvent> events = new ArrayList<>();
        for (int i = 0; i < sales.size(); i++) {
            TestConversation conversation = new TestConversation("acme", "sales-" + i);
            events.add(conversation.queued(sales.get(i), "sales", QueueReason.NEW));
            events.add(conversation.abandoned(sales.get(i) + SALES_PATIENCE_MS, "sales"));
        }
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
                                .setStatus(AgentStatus.ONLINE).setCapacity(CAPACITY)
                                .setSkills(agent.equals(SHARED) ? List.of("billing", "sales") : List.of("billing")).build())
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
