package io.chatpulse.streamjobs.bench;

import io.chatpulse.localstack.clickhouse.ClickHouseServer;
import io.chatpulse.localstack.flink.FlinkCluster;
import io.chatpulse.localstack.flink.FlinkClusterSettings;
import io.chatpulse.localstack.flink.FlinkRest;
import io.chatpulse.localstack.flink.JobSubmission;
import io.chatpulse.localstack.flink.StreamJobsOnCluster;
import io.chatpulse.localstack.kafka.KafkaBroker;
import io.chatpulse.localstack.kafka.KafkaCluster;
import io.chatpulse.localstack.process.Ports;
import io.chatpulse.schema.ClickHouseMigrations;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.JobEnvironment;
import io.chatpulse.streamjobs.bench.BackfillBenchmark.ExpectedRows;
import io.chatpulse.streamjobs.bench.BackfillBenchmark.Load;
import io.chatpulse.streamjobs.bench.BackfillBenchmark.Progress;
import io.chatpulse.streamjobs.bench.BackfillBenchmark.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Issue 18: the KPI job's backfill on the cluster of {@code ./chatpulse up --cluster} beside the
 * embedded one, in one run ({@code ./chatpulse bench backfill --cluster}). First the embedded figure
 * as {@code bench backfill} takes it (one broker, RF 1; the job on a MiniCluster in this JVM at its
 * default parallelism); then a three-node {@link KafkaCluster} (topics at RF 3, min ISR 2), the
 * ClickHouse engine and a Flink session cluster ({@link FlinkCluster}: a JobManager, two
 * TaskManagers of two slots), where the same events are loaded once and the job, uploaded and run
 * over the REST API as {@code flink run} does, reads them bounded at each parallelism in turn (KPI
 * tables emptied between runs). Each run is checked: the rows as queries read them equal what the
 * loaded events call for, and the embedded run's. A table of events/s, the ratio to the embedded
 * figure and the cores each part used ends the output.
 *
 * <p>Every node runs on free ports, under {@code stream-jobs/target/bench-backfill-cluster-<millis>},
 * which is removed after a run that passed (kept with the nodes' logs otherwise); every process it
 * started is stopped at the end, on a failure and on Ctrl-C.
 */
public final class BackfillOnCluster {

    static final Map<String, String> DEFAULTS = Map.of("--events", "1000000");
    static final String USAGE = "usage: ./chatpulse bench backfill --cluster [--events N (1000000)]"
            + " [--parallelisms 1,2,4] [job settings for every run, e.g. --checkpoint-interval 60s]";
    private static final String PARALLELISMS = "--parallelisms";
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(30);
    private static final int KAFKA_NODES = 3;
    /** Set by Ctrl-C: what fails in the main thread once the nodes are gone is no news. */
    private static volatile boolean interrupted;

    private BackfillOnCluster() {
    }

    /** One run's figures: its result, the cores each part used while the job ran, the rows as read. */
    record Run(String name, String kafka, String jobOn, Result result, Cores cores, Map<String, Long> rowsAsRead,
               List<String> problems) {

        double eventsPerSecond() {
            return result.recordsRead() * 1000.0 / result.jobMillis();
        }
    }

    /** CPU time used while the job ran over its wall time: cores, of the job's JVMs, the Kafka nodes and ClickHouse. */
    record Cores(double job, double kafka, double clickHouse) {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> parallelisms = parallelisms(args);
        BenchmarkArgs parsed = BenchmarkArgs.parseOrExit(USAGE, DEFAULTS, withoutParallelisms(args));
        if (parsed.jobSettings().contains("--parallelism")) {
            System.err.println("--parallelism: the cluster runs take theirs from " + PARALLELISMS + "\n" + USAGE);
            System.exit(2);
        }
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath().normalize();
        Path data = home.resolve("stream-jobs/target/bench-backfill-cluster-" + System.currentTimeMillis());
        Stoppables running = new Stoppables();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted = true;
            if (running.stopAll()) {
                System.out.println("\nbackfill --cluster: interrupted; every process it started is stopped;"
                        + " data and logs kept in " + data);
            }
        }, "backfill-cluster-stop"));
        boolean passed = false;
        try {
            List<Run> runs = run(home, data, parsed, parallelisms, running);
            running.stopAll();
            System.out.println();
            System.out.println(table(runs));
            passed = runs.stream().allMatch(r -> r.problems().isEmpty());
        } catch (Exception | Error e) {
            running.stopAll();
            if (!interrupted) {
                System.out.println("backfill --cluster failed: " + e);
                e.printStackTrace(System.out);
            }
        }
        if (passed) {
            deleteFolder(data);
            System.out.println("every process stopped; data folder " + data + " removed");
        } else {
            System.out.println("every process stopped; data and the nodes' logs kept in " + data);
        }
        System.exit(passed ? 0 : 1);
    }

    private static List<Run> run(Path home, Path data, BenchmarkArgs args, List<Integer> parallelisms,
                                 Stoppables running) throws Exception {
        Load load = Load.startingNow(args.number("--events"));
        System.out.printf("backfill on the embedded engines and on the cluster, %,d events each (tenants %s-*);"
                + " data in %s%n", load.events(), load.tenantPrefix(), data);
        List<Run> runs = new ArrayList<>();
        Run embedded = embedded(data.resolve("embedded"), args, load, running);
        runs.add(embedded);
        runs.addAll(cluster(home, data.resolve("cluster"), args, load, parallelisms, embedded, running));
        return runs;
    }

    // ---- embedded: what `bench backfill` measures -----------------------------------------------

    private static Run embedded(Path data, BenchmarkArgs args, Load load, Stoppables running) throws Exception {
        System.out.println("\n== embedded: one Kafka broker (RF 1), the ClickHouse engine, the job on a MiniCluster"
                + " in this JVM ==");
        KafkaBroker kafka = running.add(KafkaBroker.start(data.resolve("kafka")));
        kafka.createContractTopics();
        ClickHouseServer clickHouse = running.add(ClickHouseServer.start(data.resolve("clickhouse")));
        ClickHouseMigrations.apply(clickHouse.jdbcUrl(), "default", "");
        ExpectedRows expected = BackfillBenchmark.load(kafka.bootstrapServers(), load);
        long records = BackfillBenchmark.recordsInTopic(kafka.bootstrapServers());
        JobConfig config = args.jobConfig(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                        "CLICKHOUSE_URL", clickHouse.jdbcUrl(),
                        // In the run's folder (removed with it), as the cluster's jobs keep theirs in a folder.
                        "CHECKPOINT_DIR", data.resolve("checkpoints").toUri().toString(),
                        "RESTORE_FROM", "none"))
                .with(JobConfig.KAFKA_GROUP_ID, load.tenantPrefix() + "-embedded")
                .with(JobConfig.SOURCE_BOUNDED, "true");
        int parallelism = config.find(JobConfig.PARALLELISM).map(Integer::parseInt)
                .orElse(Runtime.getRuntime().availableProcessors());
        CpuClock cpu = new CpuClock(List.of(ProcessHandle.current().pid()), List.of(kafka.pid()),
                List.of(clickHouse.pid()));
        Result result = BackfillBenchmark.runJob(config, load.tenantPrefix(), records);
        Cores cores = cpu.coresSince();
        Run run = checked("embedded, parallelism " + parallelism, "1 broker, RF 1", "MiniCluster in this JVM",
                result, cores, clickHouse, load, expected, null);
        running.stop(clickHouse);
        running.stop(kafka);
        return run;
    }

    // ---- the cluster of `up --cluster` ----------------------------------------------------------

    private static List<Run> cluster(Path home, Path data, BenchmarkArgs args, Load load, List<Integer> parallelisms,
                                     Run embedded, Stoppables running) throws Exception {
        System.out.println("\n== cluster: " + KAFKA_NODES + " Kafka nodes (RF 3, min ISR 2), the ClickHouse engine,"
                + " a Flink session cluster (JobManager, 2 TaskManagers of 2 slots) ==");
        KafkaCluster kafka = running.add(KafkaCluster.start(data.resolve("kafka"), KAFKA_NODES));
        kafka.createContractTopics();
        ClickHouseServer clickHouse = running.add(ClickHouseServer.start(data.resolve("clickhouse")));
        ClickHouseMigrations.apply(clickHouse.jdbcUrl(), "default", "");
        // After the broker and the engine: three Flink JVMs starting beside them slow both down.
        FlinkCluster flink = running.add(FlinkCluster.start(FlinkClusterSettings.defaults(home, data.resolve("flink"),
                Ports.free())));
        System.out.println("Flink web UI " + flink.webUrl() + "; logs " + flink.logs().values());
        StreamJobsOnCluster jobs = StreamJobsOnCluster.upload(flink, home.resolve("stream-jobs/target/stream-jobs.jar"),
                Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "CLICKHOUSE_URL", clickHouse.jdbcUrl(),
                        "RESTORE_FROM", "none"));
        ExpectedRows expected = BackfillBenchmark.load(kafka.bootstrapServers(), load);
        long records = BackfillBenchmark.recordsInTopic(kafka.bootstrapServers());
        List<Long> kafkaPids = new ArrayList<>();
        for (int id = 1; id <= kafka.size(); id++) {
            kafkaPids.add(kafka.pid(id));
        }
        List<Run> runs = new ArrayList<>();
        for (int parallelism : parallelisms) {
            System.out.printf("%n-- cluster, parallelism %d --%n", parallelism);
            emptyKpiTables(clickHouse);
            JobSubmission job = jobs.kpiJob(parallelism).withArgs(Stream.concat(Stream.of(
                    "--kafka-group-id", load.tenantPrefix() + "-p" + parallelism, "--source-bounded", "true"),
                    args.jobSettings().stream()).toArray(String[]::new));
            CpuClock cpu = new CpuClock(List.copyOf(flink.pids().values()), kafkaPids, List.of(clickHouse.pid()));
            long started = System.currentTimeMillis();
            String jobId = jobs.submit(job);
            ClusterJob watched = new ClusterJob(flink.rest(), jobId, flink.logs().get("jobmanager"));
            List<Progress> progress;
            try (Connection connection = connect(clickHouse)) {
                progress = BackfillBenchmark.awaitFinished(watched::finishedWithin, connection, load.tenantPrefix(),
                        started);
            }
            long millis = System.currentTimeMillis() - started;
            Cores cores = cpu.coresSince();
            Result result;
            try (Connection connection = connect(clickHouse)) {
                result = new Result(records, millis, BackfillBenchmark.rowsPerTable(connection, load.tenantPrefix()),
                        taskManagerMemory(flink), progress);
            }
            runs.add(checked("cluster, parallelism " + parallelism, KAFKA_NODES + " nodes, RF 3",
                    watched.taskManagers() + " (" + parallelism + (parallelism == 1 ? " slot)" : " slots)"), result, cores, clickHouse, load, expected, embedded));
        }
        return runs;
    }

    /** Prints the run and checks its rows: against the loaded events and, for the cluster, the embedded run. */
    private static Run checked(String name, String kafka, String jobOn, Result result, Cores cores,
                               ClickHouseServer clickHouse, Load load, ExpectedRows expected, Run embedded)
            throws Exception {
        List<String> problems;
        Map<String, Long> asRead;
        try (Connection connection = connect(clickHouse)) {
            problems = new ArrayList<>(BackfillBenchmark.exactnessProblems(expected, connection, load.tenantPrefix()));
            asRead = BackfillBenchmark.rowsPerTableFinal(connection, load.tenantPrefix());
        }
        if (embedded != null && !asRead.equals(embedded.rowsAsRead())) {
            problems.add("rows as read " + asRead + ", the embedded run stored " + embedded.rowsAsRead());
        }
        System.out.println(name + ": " + result);
        System.out.printf("%s: cores used while the job ran: job %.2f, Kafka %.2f, ClickHouse %.2f; rows as read"
                        + " (FINAL) %s: %s%n", name, cores.job(), cores.kafka(), cores.clickHouse(), asRead,
                problems.isEmpty() ? "exact (activity rows by kind and ratings as the loaded events call for"
                        + (embedded == null ? ")" : ", every table as the embedded run)")
                        : "NOT EXACT: " + String.join("; ", problems));
        return new Run(name, kafka, jobOn, result, cores, asRead, problems);
    }

    /** The KPI tables emptied, so that each run's rows are its own (every run reads the same events). */
    private static void emptyKpiTables(ClickHouseServer clickHouse) throws Exception {
        try (Connection connection = connect(clickHouse); Statement statement = connection.createStatement()) {
            for (String table : BackfillBenchmark.TABLES) {
                statement.execute("TRUNCATE TABLE " + table);
            }
        }
    }

    private static Connection connect(ClickHouseServer clickHouse) throws Exception {
        return JobEnvironment.clickHouse(JobConfig.from(Map.of("CLICKHOUSE_URL", clickHouse.jdbcUrl()))).connect();
    }

    private static String taskManagerMemory(FlinkCluster flink) {
        return flink.pids().entrySet().stream().filter(e -> e.getKey().startsWith("taskmanager"))
                .map(e -> e.getKey() + " RSS " + ProcessMemory.rssMegabytes(e.getValue()) + " MB")
                .collect(Collectors.joining(", "));
    }

    // ---- the summary ----------------------------------------------------------------------------

    static String table(List<Run> runs) {
        Run embedded = runs.get(0);
        StringBuilder out = new StringBuilder("backfill, embedded and cluster, same events ("
                + String.format("%,d", embedded.result().recordsRead()) + "), one run each:\n");
        String format = "| %-26s | %-15s | %-28s | %13s | %13s | %10s | %21s | %9s |%n";
        out.append(String.format(format, "run", "Kafka", "job on", "events/s", "steady ev/s", "× embedded",
                "cores job/Kafka/CH", "exact"));
        out.append(String.format(format, "-".repeat(26), "-".repeat(15), "-".repeat(28), "-".repeat(13),
                "-".repeat(13), "-".repeat(10), "-".repeat(21), "-".repeat(9)));
        for (Run run : runs) {
            Cores c = run.cores();
            out.append(String.format(format, run.name(), run.kafka(), run.jobOn(),
                    String.format("%,.0f", run.eventsPerSecond()), steady(run.result()),
                    String.format("%.2f", run.eventsPerSecond() / embedded.eventsPerSecond()),
                    String.format("%.2f / %.2f / %.2f", c.job(), c.kafka(), c.clickHouse()),
                    run.problems().isEmpty() ? "yes" : "NO"));
        }
        out.append("events/s: from job start (the cluster: the REST submission) until it has finished and its rows"
                + " are counted; steady: between the first and the last progress line. × embedded: events/s over the"
                + " embedded run's. cores: CPU time of the job's JVMs (this JVM for the MiniCluster; JobManager and"
                + " TaskManagers), the Kafka node(s) and ClickHouse over the job's wall time.");
        return out.toString();
    }

    private static String steady(Result result) {
        String steady = result.steadyRate();
        return steady.startsWith("steady ") ? steady.substring("steady ".length(), steady.indexOf(" events/s")) : "-";
    }

    // ---- arguments ------------------------------------------------------------------------------

    static List<Integer> parallelisms(String[] args) {
        int at = Arrays.asList(args).indexOf(PARALLELISMS);
        if (at < 0) {
            return List.of(1, 2, 4);
        }
        if (at + 1 >= args.length) {
            throw new IllegalArgumentException(PARALLELISMS + " needs a list, e.g. 1,2,4");
        }
        List<Integer> list = Arrays.stream(args[at + 1].split(",")).map(String::trim).map(Integer::parseInt).toList();
        if (list.isEmpty() || list.stream().anyMatch(p -> p < 1 || p > 4)) {
            throw new IllegalArgumentException(PARALLELISMS + ": each from 1 to 4 (2 TaskManagers of 2 slots): "
                    + args[at + 1]);
        }
        return list;
    }

    static String[] withoutParallelisms(String[] args) {
        List<String> rest = new ArrayList<>(List.of(args));
        int at = rest.indexOf(PARALLELISMS);
        if (at >= 0) {
            rest.subList(at, Math.min(at + 2, rest.size())).clear();
        }
        return rest.toArray(String[]::new);
    }

    private static void deleteFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** A job submitted to the session cluster, watched over its REST API until it has finished. */
    private static final class ClusterJob {

        private final FlinkRest rest;
        private final String jobId;
        private final Path jobManagerLog;
        private final long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        private String taskManagers = "?";

        ClusterJob(FlinkRest rest, String jobId, Path jobManagerLog) {
            this.rest = rest;
            this.jobId = jobId;
            this.jobManagerLog = jobManagerLog;
        }

        boolean finishedWithin(long millis) throws InterruptedException {
            long until = System.nanoTime() + Duration.ofMillis(millis).toNanos();
            while (System.nanoTime() < until) {
                String state = rest.jobState(jobId).orElse("?");
                if (state.equals("FINISHED")) {
                    return true;
                }
                if (Set.of("FAILED", "CANCELED").contains(state)) {
                    throw new IllegalStateException("job " + jobId + " " + state + "; see " + jobManagerLog);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("job " + jobId + " not finished within " + JOB_TIMEOUT);
                }
                if (taskManagers.equals("?")) {
                    noteWhereItRuns();
                }
                Thread.sleep(200);
            }
            return false;
        }

        /** Once every subtask runs: the TaskManagers they run on, e.g. "taskmanager-1, taskmanager-2". */
        private void noteWhereItRuns() {
            try {
                rest.runningOn(jobId).ifPresent(on -> {
                    taskManagers = String.join(", ", on);
                    System.out.printf("job %s running: %d subtasks on %s%n", jobId, rest.subtasks(jobId), taskManagers);
                });
            } catch (RuntimeException notYet) {
                // The JobManager may not list the subtasks yet: asked again at the next poll.
            }
        }

        String taskManagers() {
            return taskManagers.replace("taskmanager-", "TM ");
        }
    }

    /** CPU time of three groups of processes from a start, read from the kernel (ProcessHandle.Info). */
    private static final class CpuClock {

        private final List<List<Long>> groups;
        private final List<Duration> start;
        private final long startedNanos = System.nanoTime();

        CpuClock(List<Long> job, List<Long> kafka, List<Long> clickHouse) {
            this.groups = List.of(job, kafka, clickHouse);
            this.start = groups.stream().map(CpuClock::cpu).toList();
        }

        Cores coresSince() {
            double wall = (System.nanoTime() - startedNanos) / 1e9;
            double[] cores = new double[groups.size()];
            for (int i = 0; i < groups.size(); i++) {
                cores[i] = cpu(groups.get(i)).minus(start.get(i)).toMillis() / 1000.0 / wall;
            }
            return new Cores(cores[0], cores[1], cores[2]);
        }

        private static Duration cpu(List<Long> pids) {
            return pids.stream().map(pid -> ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration())
                    .orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
        }
    }

    /** What this benchmark started, stopped in reverse order at the end, on a failure or on Ctrl-C. */
    static final class Stoppables {

        private final List<AutoCloseable> open = new ArrayList<>();

        synchronized <T extends AutoCloseable> T add(T started) {
            open.add(started);
            return started;
        }

        synchronized void stop(AutoCloseable started) throws Exception {
            if (open.remove(started)) {
                started.close();
            }
        }

        /** Stops whatever still runs, last started first; true if there was anything. */
        synchronized boolean stopAll() {
            boolean any = !open.isEmpty();
            for (int i = open.size() - 1; i >= 0; i--) {
                try {
                    open.get(i).close();
                } catch (Exception e) {
                    System.out.println("could not stop " + open.get(i) + ": " + e);
                }
            }
            open.clear();
            return any;
        }
    }
}
