package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.localstack.flink.JobSubmission;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, rescaling under simulator load: the KPI job is stopped with a savepoint and submitted
 * again from it with another parallelism, 2 -> 4 -> 2 (4 is every slot of the two TaskManagers),
 * while the simulator keeps driving chat-core. Conversations go on across each step; at the end
 * nothing chat-core acknowledged is missing from Kafka and ClickHouse's figures equal those computed
 * from the events.
 */
class RescaleIT {

    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    /** Acknowledged calls between two steps: a few seconds of the simulator's load. */
    private static final int CALLS = 150;

    @Test
    void figuresStayExactAcrossRescalesThroughSavepoints() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("rescale");
             SimulatorLoad load = stack.simulate("cluster-rescale")) {
            JobSubmission atTwo = stack.kpiJob(2);
            String job = stack.submit(atTwo);
            stack.awaitAllSubtasksRunning(job, STEP);
            load.awaitMore(CALLS, STEP);

            job = rescale(stack, job, atTwo, 4);
            load.awaitMore(CALLS, STEP);

            job = rescale(stack, job, atTwo, 2);
            load.awaitMore(CALLS, STEP);
            stack.stopAndCheck(load, CATCH_UP);
        }
    }

    /** Stop with a savepoint, submit from it at {@code parallelism}, wait until every subtask runs. */
    private static String rescale(FlinkClusterStack stack, String job, JobSubmission submission, int parallelism) {
        long started = System.nanoTime();
        String savepoint = stack.rest().stopWithSavepoint(job, stack.flink().settings().savepointDir(), STEP);
        assertThat(stack.rest().jobState(job)).contains("FINISHED");
        String rescaled = stack.submit(submission.from(savepoint, parallelism));
        assertThat(stack.awaitAllSubtasksRunning(rescaled, STEP)).as("TaskManagers at parallelism " + parallelism)
                .containsExactly("taskmanager-1", "taskmanager-2");
        assertThat(stack.rest().parallelism(rescaled)).isEqualTo(parallelism);
        System.out.printf("rescaled to %d from %s in %.1f s%n", parallelism, savepoint, (System.nanoTime() - started) / 1e9);
        return rescaled;
    }
}
