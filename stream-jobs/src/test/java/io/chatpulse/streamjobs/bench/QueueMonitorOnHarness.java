package io.chatpulse.streamjobs.bench;

import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.AgentStatusChanged;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.streamjobs.QueueMonitorJob;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.queue.MonitorInput;
import io.chatpulse.streamjobs.queue.QueueMonitorFunction;
import io.chatpulse.streamjobs.queue.QueueSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * The queue monitor keyed by tenant (capacity plan): how fast one subtask of {@link QueueMonitorFunction}
 * goes for ONE tenant with many queues, against the same tenant with few. Every event of a tenant goes
 * to one subtask, and every event-time step re-evaluates the tenant's queues and every tick (1 s of
 * event time) writes a row per queue, so the queue count is what a big tenant adds.
 *
 * <p>The function alone, on Flink's operator harness (heap state, as the job's default backend), in
 * this JVM: no Kafka, no network shuffle, no ClickHouse inserts, so its rates are an upper bound for the
 * job. The tenant's agents log in (agents-per-queue × queues, each serving two queues), then simulated
 * conversations ({@link SimulatedTraffic}: queued, assigned, messages, resolved, ratings) open at a
 * steady rate over the queues, fed in event-time order with a watermark every 100 ms of event time
 * (500 ms behind, the job's settings) and the processing clock just ahead (live: a row per queue
 * every tick). Then ticks alone, one second of event time each with no event, are timed.
 *
 * <pre>
 * ./chatpulse bench queue-monitor [--queues 10,500] [--minutes 10] [--opens-per-s 20] [--agents-per-queue 4]
 * </pre>
 */
public final class QueueMonitorOnHarness {

    static final Map<String, String> DEFAULTS = Map.of("--minutes", "10", "--opens-per-s", "20",
            "--agents-per-queue", "4", "--tick-samples", "60");
    static final String USAGE = "usage: ./chatpulse bench queue-monitor [--queues 10,500] [--minutes 10 (event time)]"
            + " [--opens-per-s 20 (conversations opened a second of event time)] [--agents-per-queue 4]"
            + " [--tick-samples 60]";
    private static final String QUEUES = "--queues";
    private static final String TENANT = "bench";
    private static final long T0 = 1_790_000_000_000L;
    private static final long WATERMARK_EVERY_MS = 100;
    private static final long OUT_OF_ORDERNESS_MS = 500;
    private static final long TICK_MS = 1_000;

    private QueueMonitorOnHarness() {
    }

    /** One tenant's figures at one queue count. */
    record Figures(int queues, int agents, long events, long eventTimeMs, long wallNanos, long rows,
                   List<Long> tickNanos, List<Double> microsPerEventByMinute) {

        double eventsPerSecond() {
            return events * 1e9 / wallNanos;
        }

        double tickMillis(double quantile) {
            List<Long> sorted = tickNanos.stream().sorted().toList();
            return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(quantile * sorted.size()))) / 1e6;
        }

        /**
         * The wall time of the stream less its ticks (one per second of event time, each the median tick:
         * a pause of the collector belongs to the events as much as to the ticks), over its events.
         */
        double microsPerEvent() {
            double ticks = eventTimeMs / (double) TICK_MS * tickMillis(0.5) * 1e6;
            return Math.max(0, wallNanos - ticks) / 1e3 / events;
        }

        /** Events a second one subtask keeps up with for this tenant, the tick of that second taken out first. */
        double sustainableEventsPerSecond() {
            return (1e6 - tickMillis(0.5) * 1e3) / microsPerEvent();
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(USAGE);
            System.exit(0);
        }
        List<Integer> queueCounts = queueCounts(args);
        BenchmarkArgs parsed = BenchmarkArgs.parseOrExit(USAGE, DEFAULTS, without(args, QUEUES));
        if (!parsed.jobSettings().isEmpty()) {
            System.err.println("unknown options " + parsed.jobSettings() + "\n" + USAGE);
            System.exit(2);
        }
        long eventTimeMs = Duration.ofMinutes(parsed.number("--minutes")).toMillis();
        long opensPerSecond = parsed.number("--opens-per-s");
        int agentsPerQueue = (int) parsed.number("--agents-per-queue");
        int tickSamples = (int) parsed.number("--tick-samples");
        System.out.printf("queue monitor, one tenant: %s queues, %d agents a queue, %d conversations opened a second,"
                + " %d min of event time; QueueMonitorFunction on Flink's operator harness (heap state), no Kafka,"
                + " no network, no ClickHouse%n", queueCounts, agentsPerQueue, opensPerSecond, eventTimeMs / 60_000);
        System.out.println("warm-up (JIT): 50 queues, 2 min of event time, not reported ...");
        measure(50, agentsPerQueue, opensPerSecond, Duration.ofMinutes(2).toMillis(), 5);
        List<Figures> all = new ArrayList<>();
        for (int queues : queueCounts) {
            Figures figures = measure(queues, agentsPerQueue, opensPerSecond, eventTimeMs, tickSamples);
            System.out.println(line(figures));
            all.add(figures);
        }
        System.out.println();
        System.out.println(table(all));
        System.exit(0);
    }

    static Figures measure(int queueCount, int agentsPerQueue, long opensPerSecond, long eventTimeMs,
                           int tickSamples) throws Exception {
        String[] queues = IntStream.range(0, queueCount).mapToObj(i -> "queue-" + i).toArray(String[]::new);
        int agents = agentsPerQueue * queueCount;
        QueueMonitorFunction monitor = QueueMonitorJob.monitor(QueueMonitorJob.config(Map.of()), AlertRules.defaults());
        KeyedOneInputStreamOperatorTestHarness<String, MonitorInput, QueueSnapshot> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(monitor),
                        MonitorInput::tenantId, Types.STRING);
        harness.setProcessingTime(T0);
        harness.open();
        try {
            for (int i = 0; i < agents; i++) {
                AgentEvent login = online("agent-" + i, queues[i % queueCount], queues[(i + 1) % queueCount], T0);
                harness.processElement(MonitorInput.of(login), T0);
            }
            // Made before the clock starts: only the monitor is timed.
            SimulatedTraffic traffic = new SimulatedTraffic(7, TENANT, 1, T0 + 1, 1000 / opensPerSecond, queues, agents);
            long end = T0 + eventTimeMs;
            List<ConversationEvent> stream = new ArrayList<>();
            for (ConversationEvent next = traffic.next(); next.getEventTime() < end; next = traffic.next()) {
                stream.add(next);
            }
            long rows = 0;
            // Wall time an event in each minute of event time (ticks included): how the cost grows with the state.
            List<Double> byMinute = new ArrayList<>();
            long nextMinute = T0 + 60_000;
            int minuteFirstEvent = 0;
            long nextWatermark = T0 + WATERMARK_EVERY_MS;
            long reportAt = System.nanoTime() + 5_000_000_000L;
            long started = System.nanoTime();
            long minuteStarted = started;
            for (int i = 0; i < stream.size(); i++) {
                ConversationEvent event = stream.get(i);
                if (event.getEventTime() >= nextMinute) {
                    long now = System.nanoTime();
                    byMinute.add((now - minuteStarted) / 1e3 / Math.max(1, i - minuteFirstEvent));
                    minuteStarted = now;
                    minuteFirstEvent = i;
                    nextMinute += 60_000;
                }
                while (event.getEventTime() >= nextWatermark) {
                    rows += advance(harness, nextWatermark - OUT_OF_ORDERNESS_MS);
                    nextWatermark += WATERMARK_EVERY_MS;
                }
                harness.processElement(MonitorInput.of(event), event.getEventTime());
                if (System.nanoTime() >= reportAt) {
                    System.out.printf("  %d queues: %,d of %,d events, %.0f s of %d s event time%n", queueCount, i,
                            stream.size(), (event.getEventTime() - T0) / 1000.0, eventTimeMs / 1000);
                    reportAt += 5_000_000_000L;
                }
            }
            long events = stream.size();
            rows += advance(harness, end - OUT_OF_ORDERNESS_MS);
            long wall = System.nanoTime() - started;
            byMinute.add((started + wall - minuteStarted) / 1e3 / Math.max(1, events - minuteFirstEvent));
            List<Long> ticks = new ArrayList<>();
            long at = (end / TICK_MS + 1) * TICK_MS;
            for (int i = 0; i < tickSamples; i++, at += TICK_MS) {
                long tickStarted = System.nanoTime();
                advance(harness, at);
                ticks.add(System.nanoTime() - tickStarted);
            }
            return new Figures(queueCount, agents, events, eventTimeMs, wall, rows, ticks, byMinute);
        } finally {
            harness.close();
        }
    }

    /** The watermark to {@code at}, the processing clock just ahead of it (live); the rows it wrote, dropped. */
    private static long advance(KeyedOneInputStreamOperatorTestHarness<String, MonitorInput, QueueSnapshot> harness,
                                long at) throws Exception {
        harness.setProcessingTime(at + OUT_OF_ORDERNESS_MS);
        harness.processWatermark(at);
        long rows = harness.getOutput().stream()
                .filter(o -> o instanceof org.apache.flink.streaming.runtime.streamrecord.StreamRecord).count();
        harness.getOutput().clear();
        var alerts = harness.getSideOutput(QueueMonitorFunction.ALERTS);
        if (alerts != null) {
            alerts.clear();
        }
        return rows;
    }

    private static AgentEvent online(String agentId, String skill, String otherSkill, long at) {
        return AgentEvent.newBuilder().setEventId(agentId + "-online").setTenantId(TENANT).setAgentId(agentId)
                .setEventTime(at).setPayload(AgentStatusChanged.newBuilder().setStatus(AgentStatus.ONLINE)
                        .setCapacity(3).setSkills(List.of(skill, otherSkill)).build())
                .build();
    }

    static String line(Figures f) {
        return String.format("queue monitor, one tenant, %d queues, %d agents: %,d events over %d s of event time in"
                        + " %.1f s = %,.0f events/s (%.0f times real time), %,d rows; tick (1 s of event time, no event):"
                        + " p50 %.2f ms, p99 %.2f ms, max %.2f ms; %.1f µs an event besides the ticks;"
                        + " one subtask keeps up with about %,.0f events/s of this tenant; µs an event (ticks included)"
                        + " by minute of event time: %s",
                f.queues(), f.agents(), f.events(), f.eventTimeMs() / 1000, f.wallNanos() / 1e9, f.eventsPerSecond(),
                f.eventTimeMs() * 1e6 / f.wallNanos(), f.rows(), f.tickMillis(0.5), f.tickMillis(0.99),
                f.tickMillis(1.0), f.microsPerEvent(), f.sustainableEventsPerSecond(),
                f.microsPerEventByMinute().stream().map(m -> String.format("%.0f", m))
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    static String table(List<Figures> all) {
        Figures first = all.get(0);
        String format = "| %6s | %6s | %12s | %9s | %13s | %13s | %12s | %16s | %19s |%n";
        StringBuilder out = new StringBuilder("queue monitor, one tenant, one subtask (the function alone):\n");
        out.append(String.format(format, "queues", "agents", "events/s", "× first", "tick p50 ms", "tick max ms",
                "µs an event", "keeps up with/s", "µs: 1st → last min"));
        out.append(String.format(format, "-".repeat(6), "-".repeat(6), "-".repeat(12), "-".repeat(9), "-".repeat(13),
                "-".repeat(13), "-".repeat(12), "-".repeat(16), "-".repeat(19)));
        for (Figures f : all) {
            out.append(String.format(format, f.queues(), f.agents(), String.format("%,.0f", f.eventsPerSecond()),
                    String.format("%.2f", f.eventsPerSecond() / first.eventsPerSecond()),
                    String.format("%.2f", f.tickMillis(0.5)), String.format("%.2f", f.tickMillis(1.0)),
                    String.format("%.1f", f.microsPerEvent()), String.format("%,.0f", f.sustainableEventsPerSecond()),
                    f.microsPerEventByMinute().isEmpty() ? "-" : String.format("%.0f → %.0f",
                            f.microsPerEventByMinute().get(0),
                            f.microsPerEventByMinute().get(f.microsPerEventByMinute().size() - 1))));
        }
        out.append("events/s: the stream's events over its wall time, ticks included. µs an event: that wall time less"
                + " one median tick a second of event time, over the events. keeps up with: (1 s - one tick) / µs an"
                + " event, the events a second of this one tenant (with this traffic's mix) one subtask can take live."
                + " µs: 1st → last min: the wall time an event, ticks included, in the first and the last minute of"
                + " event time (the tenant's keyed state grows meanwhile).");
        return out.toString();
    }

    static List<Integer> queueCounts(String[] args) {
        int at = Arrays.asList(args).indexOf(QUEUES);
        if (at < 0) {
            return List.of(10, 500);
        }
        if (at + 1 >= args.length) {
            throw new IllegalArgumentException(QUEUES + " needs a list, e.g. 10,500");
        }
        return Arrays.stream(args[at + 1].split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    private static String[] without(String[] args, String option) {
        List<String> rest = new ArrayList<>(List.of(args));
        int at = rest.indexOf(option);
        if (at >= 0) {
            rest.subList(at, Math.min(at + 2, rest.size())).clear();
        }
        return rest.toArray(String[]::new);
    }
}
