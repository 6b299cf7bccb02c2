package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

class JobConfigTest {

    @Test
    void defaultsWorkOnTheEmbeddedStack() {
        JobConfig config = JobConfig.from(Map.of());

        assertThat(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
        assertThat(config.get(JobConfig.CLICKHOUSE_URL)).isEqualTo("jdbc:clickhouse://127.0.0.1:8123/default");
        assertThat(config.get(JobConfig.CLICKHOUSE_USER)).isEqualTo("default");
        assertThat(config.get(JobConfig.CLICKHOUSE_PASSWORD)).isEmpty();
        assertThat(config.getDuration(JobConfig.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.getDuration(JobConfig.REORDER_WINDOW)).as("applied on arrival").isZero();
        assertThat(config.find(JobConfig.PARALLELISM)).isEmpty();
    }

    @Test
    void argumentsOverrideTheEnvironment() {
        JobConfig config = JobConfig.from(
                Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092", "CHECKPOINT_INTERVAL", "30s", "PARALLELISM", "2"),
                "--checkpoint-interval", "500ms", "--PARALLELISM=4", "--state-backend", "rocksdb");

        assertThat(config.get(JobConfig.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("kafka:9092");
        assertThat(config.getDuration(JobConfig.CHECKPOINT_INTERVAL)).isEqualTo(Duration.ofMillis(500));
        assertThat(config.getInt(JobConfig.PARALLELISM)).isEqualTo(4);

        Configuration flink = JobEnvironment.flinkConfiguration(config);
        assertThat(flink.toMap()).containsEntry("execution.checkpointing.interval", "500 ms")
                .containsEntry("parallelism.default", "4")
                .containsEntry("state.backend.type", "rocksdb")
                .doesNotContainKey("execution.checkpointing.dir");
    }

    @Test
    void rejectsWhatItCannotUse() {
        assertThatThrownBy(() -> JobConfig.from(Map.of(), "--kafka-servers", "x"))
                .hasMessageContaining("unknown option --kafka-servers").hasMessageContaining("--kafka-bootstrap-servers");
        assertThatThrownBy(() -> JobConfig.from(Map.of(), "--parallelism"))
                .hasMessageContaining("missing value");
        assertThatThrownBy(() -> JobConfig.from(Map.of("CHECKPOINT_INTERVAL", "soon")).getDuration(JobConfig.CHECKPOINT_INTERVAL))
                .hasMessageContaining("CHECKPOINT_INTERVAL must be a duration");
        assertThatThrownBy(() -> JobEnvironment.flinkConfiguration(JobConfig.from(Map.of("STATE_BACKEND", "memory"))))
                .hasMessageContaining("STATE_BACKEND must be one of");
    }

    @Test
    void readsDurations() {
        assertThat(JobConfig.parseDuration("x", "250")).isEqualTo(Duration.ofMillis(250));
        assertThat(JobConfig.parseDuration("x", "5 min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(JobConfig.parseDuration("x", "2h")).isEqualTo(Duration.ofHours(2));
        assertThat(JobConfig.parseDuration("x", "30d")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void helpListsEverySetting() {
        String help = JobConfig.help("job", "does things");
        for (JobConfig.Option option : JobConfig.OPTIONS) {
            assertThat(help).contains(option.name()).contains(option.flag());
        }
    }
}
