package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {

    @Test
    void aLocalRunWithoutCheckpointDirCheckpointsToAFolderNotToJobManagerMemory() {
        StreamExecutionEnvironment env = JobEnvironment.create(JobConfig.from(Map.of()));

        assertThat(env).isInstanceOf(LocalStreamEnvironment.class);
        assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .startsWith("file:/").contains("chatpulse-stream-jobs-checkpoints-");
    }

    @Test
    void aGivenCheckpointDirIsUsedAsItIs() {
        StreamExecutionEnvironment env = JobEnvironment.create(
                JobConfig.from(Map.of("CHECKPOINT_DIR", "file:///data/checkpoints", "RESTORE_FROM", "none")));

        assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .isEqualTo("file:///data/checkpoints");
    }

    @Test
    void onlyABoundedRunFinishesWithoutWaitingForACheckpointAfterItsLastRow() {
        Configuration bounded = JobEnvironment.flinkConfiguration(JobConfig.from(Map.of("SOURCE_BOUNDED", "true")));
        Configuration live = JobEnvironment.flinkConfiguration(JobConfig.from(Map.of()));

        assertThat(bounded.get(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH)).isFalse();
        assertThat(live.get(CheckpointingOptions.ENABLE_CHECKPOINTS_AFTER_TASKS_FINISH)).isTrue();
    }
}
