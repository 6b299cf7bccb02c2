package io.chatpulse.streamjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.streamjobs.JobConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkArgsTest {

    private static final Map<String, String> DEFAULTS = Map.of("--events", "2000000");

    @Test
    void takesItsOwnOptionsAndPassesTheRestToTheJob() {
        BenchmarkArgs args = BenchmarkArgs.parse(DEFAULTS, "--parallelism", "1", "--events", "300000",
                "--clickhouse-batch-size", "20000");

        assertThat(args.number("--events")).isEqualTo(300_000);
        JobConfig job = args.jobConfig(Map.of("PARALLELISM", "2", "CLICKHOUSE_URL", "jdbc:clickhouse://ch:8123/default"));
        assertThat(job.get(JobConfig.PARALLELISM)).isEqualTo("1");
        assertThat(job.get(JobConfig.CLICKHOUSE_BATCH_SIZE)).isEqualTo("20000");
        assertThat(job.get(JobConfig.CLICKHOUSE_URL)).isEqualTo("jdbc:clickhouse://ch:8123/default");
    }

    @Test
    void keepsTheDefaultsOfOptionsNotGiven() {
        assertThat(BenchmarkArgs.parse(DEFAULTS).number("--events")).isEqualTo(2_000_000);
    }

    @Test
    void rejectsWhatItCannotUseBeforeAnythingStarts() {
        assertThatThrownBy(() -> BenchmarkArgs.parse(DEFAULTS, "--events", "many"))
                .hasMessage("--events must be a whole number: many");
        assertThatThrownBy(() -> BenchmarkArgs.parse(DEFAULTS, "--events")).hasMessage("missing value for --events");
        assertThatThrownBy(() -> BenchmarkArgs.parse(DEFAULTS, "--evens", "5")).hasMessageStartingWith("unknown option --evens");
    }
}
