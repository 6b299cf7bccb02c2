package io.chatpulse.streamjobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetainedCheckpointsTest {

    @TempDir
    Path dir;

    @Test
    void findsTheNewestCompleteCheckpointOfAnyEarlierRun() throws Exception {
        checkpoint("job-a/chk-7", 1_000);
        checkpoint("job-b/chk-2", 3_000);
        checkpoint("job-a/chk-8", 2_000);
        Files.createDirectories(dir.resolve("job-b/chk-3"));  // in progress: no _metadata yet
        Files.createDirectories(dir.resolve("job-b/shared"));

        assertThat(RetainedCheckpoints.latest(dir.toUri().toString())).contains(dir.resolve("job-b/chk-2"));
        assertThat(RetainedCheckpoints.latest(dir.toString())).contains(dir.resolve("job-b/chk-2"));
    }

    @Test
    void nothingToRestoreInAnEmptyOrMissingFolder() {
        assertThat(RetainedCheckpoints.latest(dir.toString())).isEmpty();
        assertThat(RetainedCheckpoints.latest(dir.resolve("none").toString())).isEmpty();
    }

    @Test
    void latestOnlyWorksOnALocalFolder() {
        assertThatThrownBy(() -> RetainedCheckpoints.latest("s3://bucket/checkpoints"))
                .hasMessageContaining("needs a local CHECKPOINT_DIR");
    }

    @Test
    void theEnvironmentRestoresFromTheLatestAndKeepsCheckpointsWhenTheJobStops() throws Exception {
        checkpoint("job-a/chk-3", 1_000);
        JobConfig config = JobConfig.from(Map.of("CHECKPOINT_DIR", dir.toUri().toString(), "RESTORE_FROM", "latest"));

        assertThat(JobEnvironment.flinkConfiguration(config).toMap())
                .containsEntry("execution.state-recovery.path", dir.resolve("job-a/chk-3").toString())
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        assertThatThrownBy(() -> JobEnvironment.flinkConfiguration(JobConfig.from(Map.of("RESTORE_FROM", "latest"))))
                .hasMessageContaining("RESTORE_FROM=latest needs CHECKPOINT_DIR");
    }

    @Test
    void byDefaultALocalCheckpointFolderIsResumedAndAnythingElseIsLeftToTheCluster() throws Exception {
        checkpoint("job-a/chk-3", 1_000);

        assertThat(restorePath(Map.of("CHECKPOINT_DIR", dir.toString()))).isEqualTo(dir.resolve("job-a/chk-3").toString());
        assertThat(restorePath(Map.of("CHECKPOINT_DIR", dir.toString(), "RESTORE_FROM", "none"))).isNull();
        assertThat(restorePath(Map.of("CHECKPOINT_DIR", "s3://bucket/checkpoints"))).isNull();
        assertThat(restorePath(Map.of())).isNull();
        assertThat(restorePath(Map.of("RESTORE_FROM", "/savepoints/sp-1"))).isEqualTo("/savepoints/sp-1");
        assertThat(RetainedCheckpoints.isLocal("file:///tmp/x")).isTrue();
        assertThat(RetainedCheckpoints.isLocal("hdfs://nn/x")).isFalse();
    }

    private static String restorePath(Map<String, String> env) {
        return JobEnvironment.flinkConfiguration(JobConfig.from(env)).toMap().get("execution.state-recovery.path");
    }

    private void checkpoint(String path, long modifiedAt) throws Exception {
        Path metadata = Files.createDirectories(dir.resolve(path)).resolve("_metadata");
        Files.write(metadata, new byte[] {1});
        Files.setLastModifiedTime(metadata, FileTime.fromMillis(modifiedAt));
    }
}
