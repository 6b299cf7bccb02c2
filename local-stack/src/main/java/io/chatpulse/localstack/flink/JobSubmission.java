package io.chatpulse.localstack.flink;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code flink run} gives the cluster: the job's main class, its arguments (the stream jobs read
 * every setting from {@code --name value} as from their environment; on a session cluster the main runs
 * in the JobManager, whose environment is not the job's), the parallelism and, optionally, the
 * savepoint or retained checkpoint its state starts from.
 */
public record JobSubmission(String entryClass, List<String> programArgs, int parallelism,
                            Optional<String> savepointPath) {

    public static JobSubmission of(String entryClass, List<String> programArgs, int parallelism) {
        return new JobSubmission(entryClass, List.copyOf(programArgs), parallelism, Optional.empty());
    }

    /** The same job with more arguments; the stream jobs take the last value given for a setting. */
    public JobSubmission withArgs(String... more) {
        List<String> args = new ArrayList<>(programArgs);
        args.addAll(List.of(more));
        return new JobSubmission(entryClass, List.copyOf(args), parallelism, savepointPath);
    }

    /** The same job at another parallelism, its state from {@code path} (a rescale). */
    public JobSubmission from(String path, int newParallelism) {
        return new JobSubmission(entryClass, programArgs, newParallelism, Optional.of(path));
    }
}
