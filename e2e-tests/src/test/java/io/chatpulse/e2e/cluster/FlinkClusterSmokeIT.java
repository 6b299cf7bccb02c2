package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the short one of the default run: the stream-jobs jar on a Flink session cluster of its
 * own jars (one JobManager, two TaskManagers), submitted over REST as {@code flink run} does.
 */
class FlinkClusterSmokeIT {

    @Test
    void theKpiJobRunsOnBothTaskManagersAndStoresEveryEvent() throws Exception {
        try (ClusterStack stack = ClusterStack.start("smoke");
             ConversationTraffic traffic = stack.traffic("cluster-smoke")) {
            String job = stack.submit(stack.kpiJob(2));

            assertThat(stack.awaitAllSubtasksRunning(job, Duration.ofMinutes(2)))
                    .as("TaskManagers running the job's subtasks").containsExactly("taskmanager-1", "taskmanager-2");
            assertThat(stack.rest().parallelism(job)).isEqualTo(2);

            traffic.send(20, 3);
            assertThat(stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), Duration.ofMinutes(1)))
                    .as("customer messages in ClickHouse").isEqualTo(traffic.customerMessages());
        }
    }
}
