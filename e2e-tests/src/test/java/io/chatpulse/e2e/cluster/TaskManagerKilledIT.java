package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, a TaskManager crash under simulator load: one of the two TaskManagers running the KPI job
 * (parallelism 2) is killed with SIGKILL while the simulator keeps driving chat-core. Flink restarts
 * the job from its newest checkpoint on the slots left (the other TaskManager's two), and once the
 * killed one is started again the job goes on there as well. At the end nothing chat-core
 * acknowledged is missing from Kafka and ClickHouse's figures equal those computed from the events.
 */
class TaskManagerKilledIT {

    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    /** Acknowledged calls between two steps: a few seconds of the simulator's load. */
    private static final int CALLS = 150;

    @Test
    void theJobRestartsOnTheTaskManagerLeftAndNothingAcknowledgedIsLostOrCountedTwice() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("taskmanager-killed");
             SimulatorLoad load = stack.simulate("cluster-tm-killed")) {
            String job = stack.submit(stack.kpiJob(2));
            stack.awaitAllSubtasksRunning(job, STEP);
            load.awaitMore(CALLS, STEP);
            long checkpoints = stack.rest().completedCheckpoints(job);
            Await.until("a checkpoint after the first events", STEP,
                    () -> stack.rest().completedCheckpoints(job), n -> n > checkpoints);

            long killedAt = System.nanoTime();
            stack.flink().killTaskManager(1);
            load.awaitMore(CALLS, STEP);
            Await.until("a restart of the job", RECOVERY, () -> stack.rest().restarts(job), n -> n >= 1);
            assertThat(stack.awaitAllSubtasksRunning(job, RECOVERY)).as("TaskManagers after the crash")
                    .containsExactly("taskmanager-2");
            System.out.printf("job running again on taskmanager-2 %.1f s after the kill%n", (System.nanoTime() - killedAt) / 1e9);

            stack.flink().startTaskManager(1);
            stack.flink().awaitTaskManagers(2);
            load.awaitMore(CALLS, STEP);
            stack.stopAndCheck(load, RECOVERY);
            assertThat(stack.rest().jobState(job)).contains("RUNNING");
        }
    }
}
