package io.chatpulse.streamjobs.bench;

import io.chatpulse.streamjobs.LocalEngines;

/**
 * Runs {@link FreshnessBenchmark} on a broker and ClickHouse engine of its own (data under
 * {@code target/it-data}): {@code java -cp <test classpath> ...FreshnessOnLocalEngines [--rate N]
 * [--warmup-s S] [--duration-s S] [--poll-ms MS] [--topics 0|1] [job settings]}.
 */
public final class FreshnessOnLocalEngines {

    private FreshnessOnLocalEngines() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArgs parsed = BenchmarkArgs.parseOrExit(FreshnessBenchmark.USAGE, FreshnessBenchmark.DEFAULTS, args);
        try (LocalEngines engines = LocalEngines.start("freshness-")) {
            System.out.println(FreshnessBenchmark.run(engines.jobEnvironment(), parsed));
        }
        System.exit(0);
    }
}
