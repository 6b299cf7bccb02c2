package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, a JobManager crash with ZooKeeper high availability, under simulator load: the
 * JobManager running the KPI job is killed with SIGKILL while the simulator keeps driving chat-core,
 * then started again, as a supervisor would. It takes the job up by itself (same job id, from
 * ZooKeeper and its newest checkpoint): nobody submits it again. At the end nothing chat-core
 * acknowledged is missing from Kafka and ClickHouse's figures equal those computed from the events.
 */
class JobManagerKilledIT {

    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Duration RECOVERY = Duration.ofMinutes(3);
    /** Acknowledged calls between two steps: a few seconds of the simulator's load. */
    private static final int CALLS = 150;

    @Test
    void theRestartedJobManagerRecoversTheJobByItself() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("jobmanager-killed", true);
             SimulatorLoad load = stack.simulate("cluster-jm-killed")) {
            String job = stack.submit(stack.kpiJob(2));
            stack.awaitAllSubtasksRunning(job, STEP);
            load.awaitMore(CALLS, STEP);

            long killedAt = System.nanoTime();
            stack.flink().killJobManager();
            load.awaitMore(CALLS, STEP);
            stack.flink().startJobManager();
            assertThat(stack.awaitAllSubtasksRunning(job, RECOVERY)).as("TaskManagers of the recovered job")
                    .containsExactly("taskmanager-1", "taskmanager-2");
            System.out.printf("job %s running again %.1f s after the JobManager was killed%n", job,
                    (System.nanoTime() - killedAt) / 1e9);

            load.awaitMore(CALLS, STEP);
            stack.stopAndCheck(load, RECOVERY);
        }
    }
}
