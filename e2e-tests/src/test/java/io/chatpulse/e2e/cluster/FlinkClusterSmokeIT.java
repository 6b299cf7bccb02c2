package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.localstack.flink.StreamJobsOnCluster;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, the short one of the default run: both stream jobs on a Flink session cluster of Flink's
 * own jars (one JobManager, two TaskManagers of two slots), submitted over REST as {@code flink run}
 * does, each at parallelism 2 across both TaskManagers; the KPI job stores every event it is sent.
 */
class FlinkClusterSmokeIT {

    @Test
    void bothJobsRunOnBothTaskManagersAndTheKpiJobStoresEveryEvent() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("smoke");
             ConversationTraffic traffic = stack.traffic("cluster-smoke")) {
            Map<String, String> jobs = stack.submitAll(2);

            for (String job : jobs.values()) {
                assertThat(stack.awaitAllSubtasksRunning(job, Duration.ofMinutes(2)))
                        .as("TaskManagers running job " + job).containsExactly("taskmanager-1", "taskmanager-2");
                assertThat(stack.rest().parallelism(job)).isEqualTo(2);
            }

            traffic.send(20, 3);
            assertThat(stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), Duration.ofMinutes(1)))
                    .as("customer messages in ClickHouse").isEqualTo(traffic.customerMessages());
            assertThat(stack.rest().completedCheckpoints(jobs.get(StreamJobsOnCluster.KPI_JOB)))
                    .as("checkpoints of the KPI job").isPositive();
        }
    }
}
