package io.chatpulse.localstack.flink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cluster's configuration folder, as flink-dist's {@code conf/} would hold it: {@code config.yaml}
 * (Flink 2 reads only this name) with the settings every node shares, and the log4j configuration
 * writing each JVM's log to the file its {@code log.file} property names (the web UI shows that file).
 */
final class FlinkConfigFile {

    private FlinkConfigFile() {
    }

    static Map<String, String> settings(FlinkClusterSettings cluster, int rpcPort, int zooKeeperPort) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("jobmanager.rpc.address", "127.0.0.1");
        conf.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        conf.put("jobmanager.bind-host", "127.0.0.1");
        conf.put("rest.address", "127.0.0.1");
        conf.put("rest.bind-address", "127.0.0.1");
        conf.put("rest.port", Integer.toString(cluster.restPort()));
        conf.put("taskmanager.host", "127.0.0.1");
        conf.put("taskmanager.bind-host", "127.0.0.1");
        conf.put("taskmanager.numberOfTaskSlots", Integer.toString(cluster.slotsPerTaskManager()));
        // Sizes for a shared 2-core development machine; BashJavaUtils derives every part from them.
        conf.put("jobmanager.memory.process.size", "1024m");
        conf.put("taskmanager.memory.process.size", "1280m");
        // The jobs keep state on the heap (hashmap backend): managed memory only serves RocksDB, so
        // most of what Flink's default 40% would reserve goes to the task heap instead.
        conf.put("taskmanager.memory.managed.fraction", "0.1");
        conf.put("parallelism.default", "2");
        // A job's slots spread over the TaskManagers rather than filling the first: a lost
        // TaskManager then takes part of every job with it, which is what the fault tests exercise.
        conf.put("taskmanager.load-balance.mode", "SLOTS");
        conf.put("execution.checkpointing.dir", cluster.checkpointDir().toUri().toString());
        conf.put("execution.checkpointing.savepoint-dir", cluster.savepointDir().toUri().toString());
        conf.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        conf.put("restart-strategy.type", "exponential-delay");
        conf.put("restart-strategy.exponential-delay.initial-backoff", "1 s");
        conf.put("restart-strategy.exponential-delay.max-backoff", "30 s");
        // A lost TaskManager is noticed in seconds rather than Flink's default 50 s.
        conf.put("heartbeat.interval", "2 s");
        conf.put("heartbeat.timeout", "10 s");
        // A job's main runs inside the JobManager when submitted over REST: its System.exit (a bad
        // setting) must fail the submission, not end the JobManager.
        conf.put("cluster.intercept-user-system-exit", "THROW");
        conf.put("web.upload.dir", cluster.dataDir().resolve("jobmanager").resolve("jars").toString());
        if (cluster.highAvailability()) {
            conf.put("high-availability.type", "zookeeper");
            conf.put("high-availability.zookeeper.quorum", "127.0.0.1:" + zooKeeperPort);
            conf.put("high-availability.storageDir", cluster.dataDir().resolve("ha").toUri().toString());
            conf.put("high-availability.cluster-id", "/chatpulse");
            // A JobManager started again gets the leadership once ZooKeeper has ended the killed one's
            // session: 10 s instead of the default 60 s.
            conf.put("high-availability.zookeeper.client.session-timeout", "10 s");
        }
        return conf;
    }

    static void write(Path configDir, Map<String, String> settings) {
        try {
            Files.createDirectories(configDir);
            Files.writeString(configDir.resolve("config.yaml"), yaml(settings));
            Files.writeString(configDir.resolve("log4j.properties"), LOG4J);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write Flink's configuration to " + configDir, e);
        }
    }

    /** Flat keys, every value single-quoted: Flink converts the strings to each option's type. */
    private static String yaml(Map<String, String> settings) {
        return settings.entrySet().stream()
                .map(e -> e.getKey() + ": '" + e.getValue().replace("'", "''") + "'")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static final String LOG4J = """
            monitorInterval = 0
            rootLogger.level = INFO
            rootLogger.appenderRef.file.ref = MainAppender
            appender.main.name = MainAppender
            appender.main.type = File
            appender.main.append = true
            appender.main.fileName = ${sys:log.file}
            appender.main.layout.type = PatternLayout
            appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            # The Kafka clients of the jobs log every connection at INFO.
            logger.kafka.name = org.apache.kafka
            logger.kafka.level = WARN
            """;
}
