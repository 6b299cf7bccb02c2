package io.chatpulse.localstack.flink;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * chatpulse's two Flink jobs on a session cluster, submitted as {@code flink run} would (the stream-jobs
 * jar uploaded once). Each job checkpoints into a folder of its own in the cluster's shared checkpoint
 * directory, and by default (RESTORE_FROM=auto) starts from the newest checkpoint retained there: a job
 * submitted again after the JobManager lost it (no high availability) resumes where it stopped.
 */
public final class StreamJobsOnCluster {

    public static final String KPI_JOB = "io.chatpulse.streamjobs.ConversationKpiJob";
    public static final String QUEUE_MONITOR_JOB = "io.chatpulse.streamjobs.QueueMonitorJob";
    /** The names the jobs run under (their NAME), as the web UI and /jobs/overview list them. */
    static final String KPI_JOB_NAME = "chatpulse-conversation-kpis";
    static final String QUEUE_MONITOR_JOB_NAME = "chatpulse-queue-monitor";

    private final FlinkCluster cluster;
    private final String jarId;
    private final Map<String, String> settings;

    private StreamJobsOnCluster(FlinkCluster cluster, String jarId, Map<String, String> settings) {
        this.cluster = cluster;
        this.jarId = jarId;
        this.settings = settings;
    }

    /**
     * Uploads {@code jar}; {@code settings} are the jobs' settings by environment variable name
     * (KAFKA_BOOTSTRAP_SERVERS, CLICKHOUSE_URL, ...), given to them as program arguments: their main
     * runs in the JobManager, whose environment is not theirs.
     */
    public static StreamJobsOnCluster upload(FlinkCluster cluster, Path jar, Map<String, String> settings) {
        return new StreamJobsOnCluster(cluster, cluster.rest().uploadJar(jar), Map.copyOf(settings));
    }

    /**
     * Submits both jobs, each unless a job of its name runs already: a JobManager with high availability
     * takes its jobs up by itself, and a second copy would write every figure and send every alert
     * twice. Their ids by main class.
     */
    public Map<String, String> submitAll(int parallelism) {
        Map<String, String> active = cluster.rest().activeJobsByName();
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put(KPI_JOB, activeOrSubmit(active, KPI_JOB_NAME, () -> kpiJob(parallelism)));
        ids.put(QUEUE_MONITOR_JOB, activeOrSubmit(active, QUEUE_MONITOR_JOB_NAME, () -> queueMonitorJob(parallelism)));
        return ids;
    }

    private String activeOrSubmit(Map<String, String> active, String name, Supplier<JobSubmission> job) {
        String id = active.get(name);
        return id != null ? id : submit(job.get());
    }

    public JobSubmission kpiJob(int parallelism) {
        return job(KPI_JOB, "conversation-kpis", parallelism);
    }

    public JobSubmission queueMonitorJob(int parallelism) {
        return job(QUEUE_MONITOR_JOB, "queue-monitor", parallelism);
    }

    /** Runs the job; its id. */
    public String submit(JobSubmission job) {
        return cluster.rest().run(jarId, job);
    }

    private JobSubmission job(String mainClass, String checkpointFolder, int parallelism) {
        Map<String, String> jobSettings = new HashMap<>(Map.of("CHECKPOINT_DIR",
                cluster.settings().checkpointDir().resolve(checkpointFolder).toUri().toString()));
        jobSettings.putAll(settings);
        return JobSubmission.of(mainClass, programArgs(jobSettings), parallelism);
    }

    /** KAFKA_BOOTSTRAP_SERVERS=x -> --kafka-bootstrap-servers x, as the jobs' --help names them. */
    static List<String> programArgs(Map<String, String> settings) {
        List<String> args = new ArrayList<>();
        settings.forEach((name, value) -> {
            args.add("--" + name.toLowerCase(Locale.ROOT).replace('_', '-'));
            args.add(value);
        });
        return args;
    }
}
