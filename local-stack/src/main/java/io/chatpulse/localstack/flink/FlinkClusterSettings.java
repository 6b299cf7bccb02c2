package io.chatpulse.localstack.flink;

import java.nio.file.Path;

/**
 * What a {@link FlinkCluster} is made of: where Flink's jars are (flink-cluster/target/lib), the
 * folder every node keeps its configuration, logs, data, checkpoints and savepoints under, the REST
 * and web UI port, how many TaskManagers with how many slots, and whether ZooKeeper keeps the
 * JobManager's jobs for its next start (high availability).
 */
public record FlinkClusterSettings(Path flinkLib, Path zooKeeperLib, Path dataDir, int restPort, int taskManagers,
                                   int slotsPerTaskManager, boolean highAvailability) {

    /** One JobManager and two TaskManagers of two slots, Flink's jars as the build of {@code home} left them. */
    public static FlinkClusterSettings defaults(Path home, Path dataDir, int restPort) {
        Path target = home.resolve("flink-cluster").resolve("target");
        return new FlinkClusterSettings(target.resolve("lib"), target.resolve("zookeeper"),
                dataDir.toAbsolutePath(), restPort, 2, 2, false);
    }

    public FlinkClusterSettings withHighAvailability() {
        return new FlinkClusterSettings(flinkLib, zooKeeperLib, dataDir, restPort, taskManagers, slotsPerTaskManager, true);
    }

    public FlinkClusterSettings withSlotsPerTaskManager(int slots) {
        return new FlinkClusterSettings(flinkLib, zooKeeperLib, dataDir, restPort, taskManagers, slots, highAvailability);
    }

    /** Shared by every node, as a distributed file system would be: the JobManager writes, TaskManagers too. */
    public Path checkpointDir() {
        return dataDir.resolve("checkpoints");
    }

    public Path savepointDir() {
        return dataDir.resolve("savepoints");
    }

    Path configDir() {
        return dataDir.resolve("conf");
    }
}
