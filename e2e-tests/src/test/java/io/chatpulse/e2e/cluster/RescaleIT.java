package io.chatpulse.e2e.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.AlertEvent;
import io.chatpulse.events.AlertState;
import io.chatpulse.localstack.flink.JobSubmission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, rescaling under simulator load: the KPI job, then the queue monitor, is stopped with a
 * savepoint and submitted again from it with twice the parallelism, then back, 2 -> 4 -> 2, each
 * across both TaskManagers (three slots each: one job at 4 beside the other at 2), while the
 * simulator keeps driving chat-core. Conversations go on across each step; at the end
 * nothing chat-core acknowledged is missing from Kafka, ClickHouse's figures equal those computed
 * from the events, and no alert was sent twice: the queue's wait threshold is a few seconds, so its
 * alerts fire and resolve across the rescales.
 */
class RescaleIT {

    private static final Duration STEP = Duration.ofMinutes(2);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    /** Acknowledged calls between two steps: a few seconds of the simulator's load. */
    private static final int CALLS = 150;
    private static final String QUEUE = "cluster-rescale";
    private static final Map<String, String> LOW_THRESHOLD = Map.of("ALERT_RULES",
            "tenant." + SimulatorLoad.TENANT + ".queue." + QUEUE + ".queue_wait.threshold=3s;");

    @Test
    void figuresStayExactAndNoAlertIsSentTwiceAcrossRescalesThroughSavepoints() throws Exception {
        try (FlinkClusterStack stack = FlinkClusterStack.start("rescale", false, 3, LOW_THRESHOLD);
             SimulatorLoad load = stack.simulate(QUEUE)) {
            Job kpis = new Job(stack.kpiJob(2), null);
            Job monitor = new Job(stack.queueMonitorJob(2), null);
            kpis = kpis.submitted(stack.submit(kpis.submission()));
            monitor = monitor.submitted(stack.submit(monitor.submission()));
            stack.awaitAllSubtasksRunning(kpis.id(), STEP);
            stack.awaitAllSubtasksRunning(monitor.id(), STEP);
            load.awaitMore(CALLS, STEP);

            for (int parallelism : new int[] {4, 2}) {
                kpis = rescale(stack, kpis, parallelism);
                load.awaitMore(CALLS, STEP);
            }
            for (int parallelism : new int[] {4, 2}) {
                monitor = rescale(stack, monitor, parallelism);
                load.awaitMore(CALLS, STEP);
            }
            stack.stopAndCheck(load, CATCH_UP);
            assertNoAlertTwice(stack.alerts());
        }
    }

    /** A job's first submission and the id it runs under now. */
    private record Job(JobSubmission submission, String id) {
        Job submitted(String newId) {
            return new Job(submission, newId);
        }
    }

    /** Stop with a savepoint, submit from it at {@code parallelism}, wait until every subtask runs. */
    private static Job rescale(FlinkClusterStack stack, Job job, int parallelism) {
        long started = System.nanoTime();
        String savepoint = stack.rest().stopWithSavepoint(job.id(), stack.flink().settings().savepointDir(), STEP);
        assertThat(stack.rest().jobState(job.id())).contains("FINISHED");
        String rescaled = stack.submit(job.submission().from(savepoint, parallelism));
        assertThat(stack.awaitAllSubtasksRunning(rescaled, STEP)).as("TaskManagers at parallelism " + parallelism)
                .containsExactly("taskmanager-1", "taskmanager-2");
        assertThat(stack.rest().parallelism(rescaled)).isEqualTo(parallelism);
        System.out.printf("%s rescaled to %d from %s in %.1f s%n", job.submission().entryClass(), parallelism, savepoint,
                (System.nanoTime() - started) / 1e9);
        return job.submitted(rescaled);
    }

    /** Each alert event once, and each firing and resolution of an incident once, with some fired at all. */
    private static void assertNoAlertTwice(List<AlertEvent> alerts) {
        List<AlertEvent> queueAlerts = alerts.stream()
                .filter(a -> a.getTenantId().equals(SimulatorLoad.TENANT) && a.getScope().contains(QUEUE)).toList();
        System.out.printf("alerts of %s across the rescales: %d (%s)%n", QUEUE, queueAlerts.size(),
                queueAlerts.stream().collect(Collectors.groupingBy(a -> a.getRule() + " " + a.getState(), Collectors.counting())));
        assertThat(queueAlerts).as("alerts of the queue (a 3 s threshold under load)")
                .anyMatch(a -> a.getState() == AlertState.FIRING && !a.getReplay());
        assertThat(duplicates(queueAlerts, AlertEvent::getEventId)).as("alert event ids sent twice").isEmpty();
        assertThat(duplicates(queueAlerts, a -> a.getRule() + "|" + a.getScope() + "|" + a.getStartedAt() + "|" + a.getState()))
                .as("an incident's firing or resolution sent twice").isEmpty();
    }

    private static Map<String, Long> duplicates(List<AlertEvent> alerts, Function<AlertEvent, String> key) {
        return alerts.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
