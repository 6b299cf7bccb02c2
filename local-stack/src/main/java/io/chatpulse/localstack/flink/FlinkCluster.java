package io.chatpulse.localstack.flink;

import io.chatpulse.localstack.process.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Flink standalone session cluster from Flink's own jars (flink-dist is not on Maven Central):
 * one JobManager ({@code StandaloneSessionClusterEntrypoint}, web UI and REST API on the given port)
 * and TaskManagers ({@code TaskManagerRunner}), each in its own JVM with the memory settings Flink's
 * scripts derive, its own log and folder under the data folder; with high availability, a ZooKeeper
 * server too. Any node can be killed and started again; all of them end with this process.
 */
public final class FlinkCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final FlinkClusterSettings settings;
    private final FlinkRest rest;
    private final ZooKeeperServer zooKeeper;
    private final FlinkNode jobManager;
    private final List<FlinkNode> taskManagers;

    private FlinkCluster(FlinkClusterSettings settings, ZooKeeperServer zooKeeper, FlinkNode jobManager,
                         List<FlinkNode> taskManagers) {
        this.settings = settings;
        this.rest = new FlinkRest(settings.restPort());
        this.zooKeeper = zooKeeper;
        this.jobManager = jobManager;
        this.taskManagers = taskManagers;
    }

    /** Starts every node and returns once all TaskManagers are registered; stops what it started if that fails. */
    public static FlinkCluster start(FlinkClusterSettings settings) {
        requireBuilt(settings.flinkLib());
        Ports.requireFree(settings.restPort(), "the Flink JobManager's REST API");
        Path configDir = settings.configDir();
        int zooKeeperPort = Ports.free();
        FlinkConfigFile.write(configDir, FlinkConfigFile.settings(settings, Ports.free(), zooKeeperPort));
        FlinkNode jobManager = FlinkNode.jobManager(settings, FlinkResources.forJobManager(settings.flinkLib(), configDir));
        FlinkResources taskManagerResources = FlinkResources.forTaskManager(settings.flinkLib(), configDir);
        List<FlinkNode> taskManagers = new ArrayList<>();
        for (int number = 1; number <= settings.taskManagers(); number++) {
            taskManagers.add(FlinkNode.taskManager(settings, taskManagerResources, number));
        }
        ZooKeeperServer zooKeeper = settings.highAvailability() ? ZooKeeperServer.start(settings.zooKeeperLib(),
                settings.dataDir().resolve("zookeeper"), zooKeeperPort, configDir.resolve("log4j.properties")) : null;
        FlinkCluster cluster = new FlinkCluster(settings, zooKeeper, jobManager, taskManagers);
        try {
            cluster.startAll();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static void requireBuilt(Path flinkLib) {
        if (!Files.isDirectory(flinkLib)) {
            throw new IllegalStateException(flinkLib + " is missing: build first (./chatpulse build packages flink-cluster)");
        }
    }

    private void startAll() {
        jobManager.start();
        taskManagers.forEach(FlinkNode::start);
        awaitTaskManagers(taskManagers.size());
    }

    /** Waits until the JobManager lists {@code count} TaskManagers, failing if it exits meanwhile. */
    public void awaitTaskManagers(int count) {
        jobManager.process().awaitReady(() -> rest.registeredTaskManagers() == count, START_TIMEOUT);
    }

    public FlinkRest rest() {
        return rest;
    }

    /** The web UI (and REST API) address. */
    public String webUrl() {
        return rest.baseUrl();
    }

    public FlinkClusterSettings settings() {
        return settings;
    }

    /** SIGKILL of TaskManager {@code number} (from 1). */
    public void killTaskManager(int number) {
        taskManagers.get(number - 1).kill();
    }

    /** Starts TaskManager {@code number} again (after a kill), with its name and settings; does not wait. */
    public void startTaskManager(int number) {
        FlinkNode node = taskManagers.get(number - 1);
        node.stop();
        node.start();
    }

    /** SIGKILL of the JobManager: without high availability its jobs are gone with it. */
    public void killJobManager() {
        jobManager.kill();
    }

    /**
     * Starts the JobManager again and waits for its REST API and the running TaskManagers: with high
     * availability it takes up its jobs from ZooKeeper and their newest checkpoints by itself.
     */
    public void startJobManager() {
        jobManager.stop();
        jobManager.start();
        awaitTaskManagers((int) taskManagers.stream().filter(FlinkNode::isAlive).count());
    }

    /** Process ids by node name (jobmanager, taskmanager-1, ...), to watch them from outside. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put(jobManager.name(), jobManager.process().pid());
        taskManagers.forEach(tm -> pids.put(tm.name(), tm.process().pid()));
        return pids;
    }

    /** Each node's log by name (the file its web UI page shows). */
    public Map<String, Path> logs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        logs.put(jobManager.name(), jobManager.log());
        taskManagers.forEach(tm -> logs.put(tm.name(), tm.log()));
        return logs;
    }

    /** TaskManagers first, so none tries to reach a JobManager that is gone, then the JobManager, then ZooKeeper. */
    @Override
    public void close() {
        taskManagers.forEach(FlinkNode::stop);
        jobManager.stop();
        if (zooKeeper != null) {
            zooKeeper.close();
        }
    }
}
