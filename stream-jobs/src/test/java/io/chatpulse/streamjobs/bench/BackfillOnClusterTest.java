package io.chatpulse.streamjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.streamjobs.bench.BackfillBenchmark.Progress;
import io.chatpulse.streamjobs.bench.BackfillBenchmark.Result;
import io.chatpulse.streamjobs.bench.BackfillOnCluster.Cores;
import io.chatpulse.streamjobs.bench.BackfillOnCluster.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackfillOnClusterTest {

    @Test
    void theParallelismsAreOneTwoAndFourUnlessGivenAndNeverMoreThanTheSlots() {
        assertThat(BackfillOnCluster.parallelisms(new String[] {"--events", "100"})).containsExactly(1, 2, 4);
        assertThat(BackfillOnCluster.parallelisms(new String[] {"--parallelisms", "2, 4"})).containsExactly(2, 4);
        assertThat(BackfillOnCluster.withoutParallelisms(new String[] {"--events", "9", "--parallelisms", "2"}))
                .containsExactly("--events", "9");
        assertThatThrownBy(() -> BackfillOnCluster.parallelisms(new String[] {"--parallelisms", "8"}))
                .hasMessageContaining("from 1 to 4");
    }

    @Test
    void theTableGivesEachRunsRateAgainstTheEmbeddedOne() {
        String table = BackfillOnCluster.table(List.of(
                run("embedded, parallelism 2", 20_000, List.of()),
                run("cluster, parallelism 4", 40_000, List.of()),
                run("cluster, parallelism 1", 80_000, List.of("csat_ratings 1, the events call for 2"))));

        assertThat(table).contains("same events (2,000,000)");
        assertThat(table.lines().filter(l -> l.startsWith("| embedded")).findFirst().orElseThrow())
                .contains("100,000", "1.00", "1.10 / 0.10 / 0.80", "yes");
        assertThat(table.lines().filter(l -> l.startsWith("| cluster, parallelism 4")).findFirst().orElseThrow())
                .contains("50,000", "0.50", "yes");
        assertThat(table.lines().filter(l -> l.startsWith("| cluster, parallelism 1")).findFirst().orElseThrow())
                .contains("25,000", "0.25", "NO");
    }

    @Test
    void stopsWhatStillRunsLastStartedFirstAndOnlyOnce() throws Exception {
        List<String> stopped = new ArrayList<>();
        BackfillOnCluster.Stoppables running = new BackfillOnCluster.Stoppables();
        AutoCloseable kafka = running.add(() -> stopped.add("kafka"));
        running.add(() -> stopped.add("clickhouse"));
        running.add(() -> stopped.add("flink"));
        running.stop(kafka);

        assertThat(running.stopAll()).isTrue();
        assertThat(running.stopAll()).as("nothing left").isFalse();
        assertThat(stopped).containsExactly("kafka", "flink", "clickhouse");
    }

    private static Run run(String name, long millis, List<String> problems) {
        Result result = new Result(2_000_000, millis, Map.of("conversation_activity", 1_800_000L), "RSS",
                List.of(new Progress(5_000, 100_000), new Progress(10_000, 550_000)));
        return new Run(name, "Kafka", "job", result, new Cores(1.1, 0.1, 0.8), Map.of(), problems);
    }
}
