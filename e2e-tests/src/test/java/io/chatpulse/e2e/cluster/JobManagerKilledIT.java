package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, a JobManager crash with ZooKeeper high availability: the JobManager running the KPI job
 * is killed with SIGKILL while events keep coming, then started again, as a supervisor would. It
 * takes the job up by itself (same job id, from ZooKeeper and its newest checkpoint): nobody submits
 * it again. Every customer message is stored exactly once.
 */
class JobManagerKilledIT {

    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @Test
    void theRestartedJobManagerRecoversTheJobByItself() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("jobmanager-killed", true);
             ConversationTraffic traffic = stack.traffic("cluster-jm-killed")) {
            String job = stack.submit(stack.kpiJob(2));
            stack.awaitAllSubtasksRunning(job, Duration.ofMinutes(2));
            traffic.send(30, 3);
            stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), Duration.ofMinutes(1));

            long killedAt = System.nanoTime();
            stack.flink().killJobManager();
            traffic.send(30, 3);
            stack.flink().startJobManager();
            assertThat(stack.awaitAllSubtasksRunning(job, RECOVERY)).as("TaskManagers of the recovered job")
                    .containsExactly("taskmanager-1", "taskmanager-2");
            System.out.printf("job %s running again %.1f s after the JobManager was killed%n", job,
                    (System.nanoTime() - killedAt) / 1e9);

            traffic.send(30, 3);
            long stored = stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), RECOVERY);
            assertThat(stored).as("customer messages in ClickHouse").isEqualTo(traffic.customerMessages());
        }
    }
}
