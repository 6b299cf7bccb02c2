package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, a JobManager crash without high availability, under simulator load: the JobManager
 * started again knows no job, so the KPI job is submitted again, as the runner (or
 * deploy/submit-stream-jobs.sh) does, with RESTORE_FROM=latest: it starts from the newest checkpoint
 * retained in its folder of the shared checkpoint directory. The simulator drives chat-core all the
 * while; at the end nothing chat-core acknowledged is missing from Kafka and ClickHouse's figures
 * equal those computed from the events.
 */
class JobResubmittedAfterJobManagerLossIT {

    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    /** Acknowledged calls between two steps: a few seconds of the simulator's load. */
    private static final int CALLS = 150;

    @Test
    void theJobSubmittedAgainResumesFromItsNewestCheckpoint() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("jobmanager-lost");
             SimulatorLoad load = stack.simulate("cluster-jm-lost")) {
            String job = stack.submit(stack.kpiJob(2));
            stack.awaitAllSubtasksRunning(job, STEP);
            load.awaitMore(CALLS, STEP);
            long checkpoints = stack.rest().completedCheckpoints(job);
            Await.until("a checkpoint after the first events", STEP,
                    () -> stack.rest().completedCheckpoints(job), n -> n > checkpoints);

            stack.flink().killJobManager();
            load.awaitMore(CALLS, STEP);
            stack.flink().startJobManager();
            assertThat(stack.rest().jobStates()).as("jobs the new JobManager knows").isEmpty();
            String resubmitted = stack.submit(stack.kpiJob(2).withArgs("--restore-from", "latest"));
            stack.awaitAllSubtasksRunning(resubmitted, RECOVERY);

            load.awaitMore(CALLS, STEP);
            stack.stopAndCheck(load, RECOVERY);
        }
    }
}
