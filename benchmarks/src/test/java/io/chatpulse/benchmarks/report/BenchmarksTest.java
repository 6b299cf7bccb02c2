package io.chatpulse.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

class BenchmarksTest {

    @Test
    void ingestReadsThroughputLatencyAndErrorsOfMessageBenchmark() {
        Outcome outcome = Outcome.parse(Benchmarks.ingest(), Samples.read("ingest.out"));

        assertThat(outcome.values()).containsExactly(entry("throughput", 3412.0), entry("p50", 6.40),
                entry("p99", 50.99), entry("p999", 302.90), entry("errors", 0.0));
        assertThat(outcome.problem()).isNull();
        assertThat(outcome.command())
                .isEqualTo("./chatpulse bench ingest --conversations 200 --concurrency 32 --duration 15s --warmup 15s");
        assertThat(outcome.status()).isEqualTo("**NOT met** (throughput, p99)");
    }

    @Test
    void backfillReadsEventsPerSecondWithThousandsSeparators() {
        Outcome outcome = Outcome.parse(Benchmarks.backfill(), Samples.read("backfill.out"));

        assertThat(outcome.values()).containsExactly(entry("throughput", 4740.0), entry("steady", 11225.0));
        assertThat(outcome.status()).startsWith("**NOT met**");
    }

    @Test
    void freshnessReadsPercentilesAndSamplesNeverVisible() {
        Outcome outcome = Outcome.parse(Benchmarks.freshness(), Samples.read("freshness.out"));

        assertThat(outcome.values()).containsExactly(entry("p50", 1228.0), entry("p99", 3199.0),
                entry("max", 4171.0), entry("not visible", 0.0));
    }

    @Test
    void alertLatencyReadsPercentilesOfTheResultLine() {
        Outcome outcome = Outcome.parse(Benchmarks.alertLatency(), Samples.read("alert-latency.out"));

        assertThat(outcome.values()).containsExactly(entry("p50", 585.0), entry("p99", 899.0),
                entry("max", 899.0));
    }

    @Test
    void pagingReadsPercentilesOfTheWebhookRequests() {
        Outcome outcome = Outcome.parse(Benchmarks.paging(), Samples.read("paging.out"));

        assertThat(outcome.values()).containsExactly(entry("p50", 1475.0), entry("p99", 2848.0),
                entry("max", 2848.0));
    }

    @Test
    void liveReadsPercentilesAndErrors() {
        Outcome outcome = Outcome.parse(Benchmarks.live(), Samples.read("live.out"));

        assertThat(outcome.values()).containsExactly(entry("p50", 10880.2), entry("p99", 20274.8),
                entry("max", 22191.3), entry("errors", 3760.0));
    }

    @Test
    void reportReadsTheAgentReportMedianBeforeAndAfterMerging() {
        Outcome outcome = Outcome.parse(Benchmarks.report(), Samples.read("report.out"));

        assertThat(outcome.values()).containsExactly(entry("median as inserted", 1.784),
                entry("median merged", 1.358));
    }

    @Test
    void forecastReadsTheLeadAndTheFalseWarnings() {
        Outcome outcome = Outcome.parse(Benchmarks.forecast(), Samples.read("forecast.out"));

        assertThat(outcome.values()).containsExactly(entry("min lead", 75.0), entry("median lead", 98.2),
                entry("max lead", 130.5), entry("false warnings", 0.0));
    }

    @Test
    void aRunThatDiedBeforeItsFiguresIsReportedAsNotParsed() {
        Outcome outcome = Outcome.parse(Benchmarks.paging(), Samples.read("paging-failed.out"));

        assertThat(outcome.values()).isEmpty();
        assertThat(outcome.status()).isEqualTo("not parsed: no p50, p99, max in the output");
    }

    @Test
    void outputWithoutItsCommandLineIsCreditedToTheFullSizeCommand() {
        Outcome outcome = Outcome.parse(Benchmarks.freshness(), "freshness at 1,000 events/s: 31,555 message samples,"
                + " event time -> row queryable in conversation_activity: p50 613 ms, p99 1263 ms (target < 1000 ms),"
                + " max 1493 ms; 0 samples not visible within 30 s; RSS 1 GB\n");

        assertThat(outcome.command()).isEqualTo("./chatpulse bench freshness");
        assertThat(outcome.values()).containsEntry("p99", 1263.0);
        assertThat(outcome.status()).isEqualTo("**NOT met** (p99)");
    }
}
