package io.chatpulse.benchmarks.report;

import static io.chatpulse.benchmarks.report.Target.atLeast;
import static io.chatpulse.benchmarks.report.Target.atMost;
import static io.chatpulse.benchmarks.report.Target.below;

import java.util.List;

/**
 * Every benchmark of {@code ./chatpulse bench}, each with the parser of the lines it prints (the
 * patterns follow their printf formats) and the targets of README's Performance table.
 */
final class Benchmarks {

    static final List<Benchmark> ALL = List.of(ingest(), backfill(), freshness(), alertLatency(), paging(), live(),
            report(), forecast());

    private Benchmarks() {
    }

    /** The simulator's MessageBenchmark. */
    static Benchmark ingest() {
        return new Benchmark("ingest", "chat-core ingest", "./chatpulse bench ingest", List.of(
                Figure.of("throughput", "messages/s", "^messages accepted: \\S+ in \\S+ s = # messages/s"),
                Figure.of("p50", "ms", "^latency of POST /messages: p50 # ms"),
                Figure.of("p99", "ms", "^latency of POST /messages: .*p99 # ms"),
                Figure.of("p999", "ms", "^latency of POST /messages: .*p999 # ms"),
                Figure.of("errors", "", "^errors: #")),
                List.of(atLeast("throughput", 5_000), below("p99", 50), atMost("errors", 0)));
    }

    /** BackfillBenchmark.Result. */
    static Benchmark backfill() {
        return new Benchmark("backfill", "pipeline backfill throughput", "./chatpulse bench backfill --events 2000000",
                List.of(Figure.of("throughput", "events/s", "^backfill: \\S+ events in \\S+ s = # events/s"),
                        Figure.of("steady", "events/s", "^backfill: .*; steady # events/s")),
                List.of(atLeast("throughput", 100_000)));
    }

    /** FreshnessBenchmark.Result. */
    static Benchmark freshness() {
        String line = "^freshness at .*event time -> row queryable in conversation_activity: ";
        return new Benchmark("freshness", "freshness (event time to row queryable)", "./chatpulse bench freshness",
                List.of(Figure.of("p50", "ms", line + "p50 # ms"),
                        Figure.of("p99", "ms", line + ".*p99 # ms"),
                        Figure.of("max", "ms", line + ".*max # ms"),
                        Figure.of("not visible", "samples", line + ".*; # samples not visible")),
                List.of(below("p99", 1_000)));
    }

    /** AlertLatencyBenchmark.Result; its target is the page's 2 s, of which it is the detection part. */
    static Benchmark alertLatency() {
        String line = "^queue_wait alert latency over .*: ";
        return new Benchmark("alert-latency", "alert detection latency (queue_wait to FIRING)",
                "./chatpulse bench alert-latency 200 50",
                List.of(Figure.of("p50", "ms", line + "p50 # ms"),
                        Figure.of("p99", "ms", line + ".*p99 # ms"),
                        Figure.of("max", "ms", line + ".*max # ms")),
                List.of(below("p99", 2_000)));
    }

    /** PagingLatencyBenchmark's report. */
    static Benchmark paging() {
        String line = "^threshold passed -> webhook request: ";
        return new Benchmark("paging", "paging latency (threshold to webhook)", "./chatpulse bench paging 40 10",
                List.of(Figure.of("p50", "ms", line + "p50 # ms"),
                        Figure.of("p99", "ms", line + ".*p99 # ms"),
                        Figure.of("max", "ms", line + ".*max # ms")),
                List.of(below("p99", 2_000)));
    }

    /** LiveApiBenchmark's report. */
    static Benchmark live() {
        String line = "^latency from scheduled send to full response: ";
        return new Benchmark("live", "API latency (GET /api/v1/live/queues at 200/s)", "./chatpulse bench live",
                List.of(Figure.of("p50", "ms", line + "p50 # ms"),
                        Figure.of("p99", "ms", line + ".*p99 # ms"),
                        Figure.of("max", "ms", line + ".*max # ms"),
                        Figure.of("errors", "", "^achieved .*requests completed, # errors")),
                List.of(below("p99", 50), atMost("errors", 0)));
    }

    /** metrics-api's ReportBenchmark: the agent report's median, before and after the parts are merged. */
    static Benchmark report() {
        String agentReport = "agent report, 30 days .*median # s";
        return new Benchmark("report", "report latency (30-day agent report)", "./chatpulse bench report 1000000 5",
                List.of(Figure.of("median as inserted", "s", "^" + agentReport),
                        Figure.of("median merged", "s", "^-- after merging[\\s\\S]*?^" + agentReport)),
                List.of(below("median as inserted", 1), below("median merged", 1)));
    }

    /** ForecastLeadBenchmark's summary; issue 20: the warning at least 60 s before the page, no false warning. */
    static Benchmark forecast() {
        String line = "^lead time warning -> page over .*: ";
        return new Benchmark("forecast", "forecast warning ahead of the 2-minute page", "./chatpulse bench forecast 3 5",
                List.of(Figure.of("min lead", "s", line + "min # s"),
                        Figure.of("median lead", "s", line + ".*median # s"),
                        Figure.of("max lead", "s", line + ".*max # s"),
                        Figure.of("false warnings", "", line + ".*; false warnings: #")),
                List.of(atLeast("min lead", 60), atMost("false warnings", 0)));
    }
}
