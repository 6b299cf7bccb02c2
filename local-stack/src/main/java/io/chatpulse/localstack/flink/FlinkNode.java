package io.chatpulse.localstack.flink;

import io.chatpulse.localstack.process.ChildProcess;
import io.chatpulse.localstack.process.WatchedMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One JVM of the cluster (the JobManager or a TaskManager) behind {@link WatchedMain}, so it ends
 * with the process that started it. Its folder holds its log ({@code <name>.log}, the one the web
 * UI shows; {@code <name>.out}: stdout and stderr) and its temporary files. It can be killed and
 * started again with the same settings, as a supervisor would after a crash.
 */
final class FlinkNode {

    static final String JOB_MANAGER_MAIN = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_MAIN = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    /** What flink-dist's config.yaml gives every Flink JVM (env.java.opts.all): JDK internals its serializers and memory manager use. */
    private static final List<String> JDK_ACCESS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
    private static final String AVRO_TRUST = "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.chatpulse.events";

    private final String name;
    private final List<String> command;
    private final Path folder;
    private ChildProcess process;

    private FlinkNode(String name, List<String> command, Path folder) {
        this.name = name;
        this.command = command;
        this.folder = folder;
    }

    static FlinkNode jobManager(FlinkClusterSettings cluster, FlinkResources resources) {
        Path folder = cluster.dataDir().resolve("jobmanager");
        return node("jobmanager", cluster, resources, JOB_MANAGER_MAIN,
                List.of("--executionMode", "cluster", "-D", "web.tmpdir=" + folder.resolve("web")));
    }

    /** TaskManager {@code number} (from 1), named so in the web UI: its resource id stays the same across restarts. */
    static FlinkNode taskManager(FlinkClusterSettings cluster, FlinkResources resources, int number) {
        String name = "taskmanager-" + number;
        return node(name, cluster, resources, TASK_MANAGER_MAIN, List.of("-D", "taskmanager.resource-id=" + name));
    }

    private static FlinkNode node(String name, FlinkClusterSettings cluster, FlinkResources resources,
                                  String entrypoint, List<String> ownArgs) {
        Path folder = cluster.dataDir().resolve(name);
        List<String> jvm = new ArrayList<>(resources.jvmOptions());
        jvm.addAll(JDK_ACCESS);
        jvm.add(AVRO_TRUST);
        jvm.add("-Dlog.file=" + folder.resolve(name + ".log"));
        jvm.add("-Dlog4j.configurationFile=" + cluster.configDir().resolve("log4j.properties").toUri());
        List<String> args = new ArrayList<>(List.of(entrypoint, "--configDir", cluster.configDir().toString(),
                "-D", "io.tmp.dirs=" + folder.resolve("tmp")));
        args.addAll(resources.dynamicProperties());
        args.addAll(ownArgs);
        String classpath = WatchedClasspath.of(cluster.flinkLib());
        return new FlinkNode(name, ChildProcess.javaCommand(jvm, classpath, WatchedMain.class.getName(), args), folder);
    }

    String name() {
        return name;
    }

    Path log() {
        return folder.resolve(name + ".log");
    }

    ChildProcess start() {
        process = ChildProcess.exec(name, command, folder.resolve(name + ".out"));
        return process;
    }

    ChildProcess process() {
        return process;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash would: no shutdown hook runs, the cluster learns of it by missed heartbeats. */
    void kill() {
        process.kill();
    }

    void stop() {
        if (process != null) {
            process.destroy(Duration.ofSeconds(30));
        }
    }
}
