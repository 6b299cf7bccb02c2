package io.chatpulse.localstack.flink;

import io.chatpulse.localstack.process.ChildProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The memory settings of a JobManager or TaskManager JVM, derived as flink-dist's scripts derive
 * them (config.sh runs BashJavaUtils): the heap, direct and metaspace limits for the JVM, and
 * every memory part as dynamic properties, so the process starts with exactly the sizes it checks.
 */
record FlinkResources(List<String> jvmOptions, List<String> dynamicProperties) {

    private static final String RESULT = "BASH_JAVA_UTILS_EXEC_RESULT:";

    static FlinkResources forTaskManager(Path flinkLib, Path configDir) {
        return derive(flinkLib, configDir, "GET_TM_RESOURCE_PARAMS");
    }

    static FlinkResources forJobManager(Path flinkLib, Path configDir) {
        return derive(flinkLib, configDir, "GET_JM_RESOURCE_PARAMS");
    }

    /** Two result lines: the JVM options, then {@code -D key=value} pairs, as the scripts read them. */
    private static FlinkResources derive(Path flinkLib, Path configDir, String command) {
        List<String> output = run(ChildProcess.javaCommand(List.of(), flinkLib.resolve("*").toString(),
                "org.apache.flink.runtime.util.bash.BashJavaUtils",
                List.of(command, "--configDir", configDir.toString())));
        List<String> results = output.stream().filter(l -> l.startsWith(RESULT))
                .map(l -> l.substring(RESULT.length()).strip()).toList();
        if (results.size() != 2) {
            throw new IllegalStateException("BashJavaUtils " + command + " gave no memory settings:\n"
                    + String.join("\n", output));
        }
        return new FlinkResources(words(results.get(0)), words(results.get(1)));
    }

    private static List<String> words(String line) {
        return line.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(line.split(" +")));
    }

    private static List<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("BashJavaUtils failed:\n" + output);
            }
            return output.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run BashJavaUtils", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running BashJavaUtils", e);
        }
    }
}
