package io.chatpulse.streamjobs;

import io.chatpulse.streamjobs.clickhouse.ClickHouseSettings;
import io.chatpulse.streamjobs.ingest.TrustedEventClasses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every job of this module sets up the same way: the Flink environment and the ClickHouse sink settings. */
public final class JobEnvironment {

    private static final Logger log = LoggerFactory.getLogger(JobEnvironment.class);
    private static final Set<String> STATE_BACKENDS = Set.of("hashmap", "rocksdb");

    private JobEnvironment() {
    }

    /**
     * What the {@code main} of every job does: {@code --help} (or {@code -h}) prints the help;
     * otherwise the settings are read from the arguments, the pipeline defined and the job run. A
     * bad setting prints the job's name and the problem, and exits with status 2.
     */
    static void runMain(String name, Supplier<String> help, String[] args, Function<String[], JobConfig> settings,
                        BiConsumer<StreamExecutionEnvironment, JobConfig> define) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(help.get());
            return;
        }
        StreamExecutionEnvironment env;
        try {
            JobConfig config = settings.apply(args);
            env = create(config);
            define.accept(env, config);
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage() + " (--help lists the settings)");
            System.exit(2);
            return;
        }
        env.execute(name);
    }

    /**
     * {@link StreamExecutionEnvironment#getExecutionEnvironment}: a local MiniCluster when started
     * with {@code java}, the cluster when submitted with {@code flink run}.
     */
    public static StreamExecutionEnvironment create(JobConfig config) {
        TrustedEventClasses.install();
        Configuration flink = flinkConfiguration(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        if (env instanceof LocalStreamEnvironment && config.find(JobConfig.CHECKPOINT_DIR).isEmpty()) {
            // A MiniCluster otherwise keeps checkpoints in JobManager memory, which refuses state over
            // 5 MB: the checkpoints, and so the offset commits and the job, would fail as soon as
            // some tens of thousands of conversations are open. A folder of this run's own instead.
            flink.setString("execution.checkpointing.dir", runCheckpointDir());
            env = StreamExecutionEnvironment.getExecutionEnvironment(flink);
        }
        return env;
    }

    private static String runCheckpointDir() {
        try {
            return Files.createTempDirectory("chatpulse-stream-jobs-checkpoints-").toUri().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for checkpoints", e);
        }
    }

    /** Only what the settings say; anything unset stays the cluster's (or Flink's default). */
    static Configuration flinkConfiguration(JobConfig config) {
        Map<String, String> flink = new HashMap<>();
        flink.put("execution.checkpointing.interval",
                config.getDuration(JobConfig.CHECKPOINT_INTERVAL).toMillis() + " ms");
        // Every type on the wire has a Flink or Avro serializer; a silent Kryo fallback is a bug.
        flink.put("pipeline.generic-types", "false");
        config.find(JobConfig.CHECKPOINT_DIR).ifPresent(dir -> {
            flink.put("execution.checkpointing.dir", dir);
            // Kept when the job is cancelled or its JVM stops, so a restart can resume from them.
            flink.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        });
        restorePath(config).ifPresent(path -> flink.put("execution.state-recovery.path", path));
        if (config.getBoolean(JobConfig.SOURCE_BOUNDED)) {
            // A bounded run would otherwise wait up to a checkpoint interval after its last row for one
            // more checkpoint; its sinks flush at the end of input anyway, and a rerun rewrites the same rows.
            flink.put("execution.checkpointing.checkpoints-after-tasks-finish", "false");
        }
        config.find(JobConfig.STATE_BACKEND).ifPresent(backend -> {
            if (!STATE_BACKENDS.contains(backend)) {
                throw new IllegalArgumentException("STATE_BACKEND must be one of " + STATE_BACKENDS + ": " + backend);
            }
            flink.put("state.backend.type", backend);
        });
        config.find(JobConfig.PARALLELISM).ifPresent(p -> flink.put("parallelism.default",
                Integer.toString(config.getInt(JobConfig.PARALLELISM))));
        // The local runner asks this port whether every task of the job is running before it says "up".
        config.find(JobConfig.REST_PORT).ifPresent(p -> {
            flink.put("rest.bind-port", Integer.toString(config.getInt(JobConfig.REST_PORT)));
            flink.put("rest.bind-address", "127.0.0.1");
        });
        return Configuration.fromMap(flink);
    }

    private static Optional<String> restorePath(JobConfig config) {
        String restore = config.find(JobConfig.RESTORE_FROM).orElse("none");
        Optional<String> dir = config.find(JobConfig.CHECKPOINT_DIR);
        switch (restore) {
            case "none":
                return Optional.empty();
            case "auto":
                if (dir.isEmpty() || !RetainedCheckpoints.isLocal(dir.get())) {
                    return Optional.empty();
                }
                return latest(dir.get());
            case "latest":
                return latest(dir.orElseThrow(() -> new IllegalArgumentException("RESTORE_FROM=latest needs CHECKPOINT_DIR")));
            default:
                return Optional.of(restore);
        }
    }

    private static Optional<String> latest(String checkpointDir) {
        Optional<String> latest = RetainedCheckpoints.latest(checkpointDir).map(p -> p.toAbsolutePath().toString());
        log.info(latest.map(p -> "restoring from checkpoint " + p)
                .orElse("no checkpoint in " + checkpointDir + " yet: starting from the committed Kafka offsets"));
        return latest;
    }

    public static ClickHouseSettings clickHouse(JobConfig config) {
        return new ClickHouseSettings(
                config.get(JobConfig.CLICKHOUSE_URL),
                config.get(JobConfig.CLICKHOUSE_USER),
                config.get(JobConfig.CLICKHOUSE_PASSWORD),
                config.getInt(JobConfig.CLICKHOUSE_BATCH_SIZE),
                config.getDuration(JobConfig.CLICKHOUSE_FLUSH_INTERVAL),
                config.getInt(JobConfig.CLICKHOUSE_MAX_RETRIES),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }
}
