package io.chatpulse.streamjobs.bench;

import io.chatpulse.streamjobs.LocalEngines;

/**
 * Runs {@link BackfillBenchmark} on a broker and ClickHouse engine of its own (data under
 * {@code target/it-data}): {@code java -cp <test classpath> ...BackfillOnLocalEngines [--events N] [job settings]}.
 */
public final class BackfillOnLocalEngines {

    private BackfillOnLocalEngines() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkArgs parsed = BenchmarkArgs.parseOrExit(BackfillBenchmark.USAGE, BackfillBenchmark.DEFAULTS, args);
        try (LocalEngines engines = LocalEngines.start("backfill-")) {
            System.out.println(BackfillBenchmark.run(engines.jobEnvironment(), parsed));
        }
        System.exit(0);
    }
}
