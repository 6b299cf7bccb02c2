package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, a TaskManager crash: one of the two TaskManagers running the KPI job (parallelism 2) is
 * killed with SIGKILL while events keep coming. Flink restarts the job from its newest checkpoint on
 * the slots left (the other TaskManager's two), and once the killed one is started again the job
 * goes on there as well. Every customer message sent before, during and after is stored exactly once.
 */
class TaskManagerKilledIT {

    private static final Duration RECOVERY = Duration.ofMinutes(3);

    @Test
    void theJobRestartsOnTheTaskManagerLeftAndNoEventIsLostOrCountedTwice() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("taskmanager-killed");
             ConversationTraffic traffic = stack.traffic("cluster-tm-killed")) {
            String job = stack.submit(stack.kpiJob(2));
            stack.awaitAllSubtasksRunning(job, Duration.ofMinutes(2));
            traffic.send(30, 3);
            stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), Duration.ofMinutes(1));
            long checkpoints = stack.rest().completedCheckpoints(job);
            Await.until("a checkpoint after the first events", Duration.ofMinutes(1),
                    () -> stack.rest().completedCheckpoints(job), n -> n > checkpoints);

            long killedAt = System.nanoTime();
            stack.flink().killTaskManager(1);
            traffic.send(30, 3);
            Await.until("a restart of the job", RECOVERY, () -> stack.rest().restarts(job), n -> n >= 1);
            assertThat(stack.awaitAllSubtasksRunning(job, RECOVERY)).as("TaskManagers after the crash")
                    .containsExactly("taskmanager-2");
            System.out.printf("job running again on taskmanager-2 %.1f s after the kill%n", (System.nanoTime() - killedAt) / 1e9);

            stack.flink().startTaskManager(1);
            stack.flink().awaitTaskManagers(2);
            traffic.send(30, 3);
            long stored = stack.awaitStoredCustomerMessages(traffic.tenant(), traffic.customerMessages(), RECOVERY);
            assertThat(stored).as("customer messages in ClickHouse").isEqualTo(traffic.customerMessages());
            assertThat(stack.rest().jobState(job)).contains("RUNNING");
        }
    }
}
