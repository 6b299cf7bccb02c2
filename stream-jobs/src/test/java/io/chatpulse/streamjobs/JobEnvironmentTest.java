package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.junit.jupiter.api.Test;

class JobEnvironmentTest {

    @Test
    void aLocalRunWithoutCheckpointDirCheckpointsToAFolderNotToJobManagerMemory() {
        StreamExecutionEnvironment env = JobEnvironment.create(JobConfig.from(Map.of()));

        assertThat(env).isInstanceOf(LocalStreamEnvironment.class);
        assertThat(env.getConfiguration().get(CheckpointingOptions.CHECKPOINTS_DIRECTORY))
                .startsWith("file:/").contains("chatpulse-stream-jobs-checkpoints-");
    }

    /**
     * A context environment stands for the cluster's (`flink run`, or REST's /jars/:id/run, set one
     * before the job's main runs): the job must build on it, not on a MiniCluster of its own, and
     * leave the checkpoint storage to the cluster's configuration.
     */
    @Test
    void submittedToAClusterTheJobUsesTheClustersEnvironmentAndItsCheckpointStorage() {
        TestStreamEnvironment.setAsContext(new MiniCluster(new MiniClusterConfiguration.Builder().build()), 2);
        try {
            StreamExecutionEnvironment env = JobEnvironment.create(JobConfig.from(Map.of()));

            assertThat(env).isInstanceOf(TestStreamEnvironment.class);
            assertThat(env.getConfiguration().getOptional(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEmpty();
        } finally {
            TestStreamEnvironment.unsetAsContext();
        }
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
