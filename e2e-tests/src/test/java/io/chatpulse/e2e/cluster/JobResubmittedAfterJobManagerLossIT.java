package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, a JobManager crash without high availability: the JobManager started again knows no job,
 * so the KPI job is submitted again, as the runner (or deploy/submit-stream-jobs.sh) does, with
 * RESTORE_FROM=latest: it starts from the newest checkpoint retained in its folder of the shared
 * checkpoint directory. Every customer message is stored exactly once.
 */
class JobResubmittedAfterJobManagerLossIT {

    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @Test
    void theJobSubmittedAgainResumesFromItsNewestCheckpoint() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("jobmanager-lost");
             ConversationTraffic traffic = stack.traffic("cluster-jm-lost")) {
            String job = stack.submit(stack.kpiJob(2));
            stack.awaitAllSubtasksRunning(job, Duration.ofMinutes(2));
            traffic.send(30, 3);
            stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), Duration.ofMinutes(1));
            long checkpoints = stack.rest().completedCheckpoints(job);
            Await.until("a checkpoint after the first events", Duration.ofMinutes(1),
                    () -> stack.rest().completedCheckpoints(job), n -> n > checkpoints);

            stack.flink().killJobManager();
            traffic.send(30, 3);
            stack.flink().startJobManager();
            assertThat(stack.rest().jobStates()).as("jobs the new JobManager knows").isEmpty();
            String resubmitted = stack.submit(stack.kpiJob(2).withArgs("--restore-from", "latest"));
            stack.awaitAllSubtasksRunning(resubmitted, RECOVERY);

            traffic.send(30, 3);
            long stored = stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), RECOVERY);
            assertThat(stored).as("customer messages in ClickHouse").isEqualTo(traffic.customerMessages());
        }
    }
}
