package io.chatpulse.e2e.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.localstack.LocalStack;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, KPI job crash: customers keep writing while the ConversationKpiJob's JVM is killed with
 * SIGKILL (after a checkpoint that holds the test's conversations) and started again; it resumes
 * from its newest retained checkpoint. Conversations finished before the crash, waiting through it
 * and started after it must end with exactly the figures an uninterrupted run gives: customer
 * messages, queue waits and first responses per conversation, expected from the events in Kafka and
 * the test's own count of acknowledged messages, never from the job's code.
 */
class KpiJobKilledIT {

    private static final String KPI_JOB = "stream-jobs";
    private static final int CUSTOMERS = 3;
    private static final int ANSWERED_BEFORE_AND_AFTER = 2;
    private static final Duration OUTAGE = Duration.ofSeconds(5);
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() {
        stack = FaultStack.start("kpi-job-killed");
    }

    @AfterAll
    static void stopTheSystem() {
        FaultStack.stop(stack);
    }

    @Test
    void figuresAfterACrashOfTheKpiJobEqualThoseOfAnUninterruptedRun() throws Exception {
        String queue = "fault-kpi-job-" + System.nanoTime();
        ChatCoreScript script = new ChatCoreScript(FaultStack.chatCore(stack), stack.settings().apiKey());
        Set<String> conversations = new HashSet<>(answerConversations(script, queue));
        ChatLoad load = new ChatLoad(FaultStack.chatCore(stack), stack.settings().apiKey(), queue).start(CUSTOMERS);
        awaitACheckpointWithTheLoad(load);
        long killedAt = System.currentTimeMillis();
        stack.killApplication(KPI_JOB);
        Poll.pause(OUTAGE.toMillis());
        stack.restartApplication(KPI_JOB);
        System.out.printf("KPI job down and restarting for %d ms%n", System.currentTimeMillis() - killedAt);
        conversations.addAll(answerConversations(script, queue));
        load.close();
        // The customers who waited through the crash are answered now: their queue wait and first
        // response start in state from before the crash.
        load.conversations().forEach(id -> script.takeOver(id, "agent-after-crash"));
        conversations.addAll(load.conversations());

        ConversationFigures expected = ConversationFigures.fromEvents(
                TopicRecords.conversationEvents(stack.settings().kafkaBootstrap(), conversations));
        assertThat(expected.totalMessagesIn()).as("customer messages in Kafka: the acknowledged ones and one per script")
                .isEqualTo(load.acknowledgedMessages().size() + 2L * ANSWERED_BEFORE_AND_AFTER);
        assertThat(expected.queueWaits()).as("every conversation waited once").hasSize(conversations.size());
        Figures figures = new Figures(stack);
        ConversationFigures stored = Poll.latest(Duration.ofMinutes(3),
                () -> ConversationFigures.fromClickHouse(figures, queue), expected::equals);
        assertThat(stored).as("figures in ClickHouse (FINAL)").isEqualTo(expected);
        System.out.printf("%d conversations, %d customer messages; jobs after: %s%n", conversations.size(),
                expected.totalMessagesIn(), new FlinkJobs(stack.jobRestPorts()).states());
    }

    private static List<String> answerConversations(ChatCoreScript script, String queue) {
        return IntStream.range(0, ANSWERED_BEFORE_AND_AFTER).mapToObj(i -> {
            String id = script.open(queue);
            script.answer(id, "agent-" + i);
            return id;
        }).toList();
    }

    /**
     * Two more completed checkpoints than when the load was running: the second was triggered after
     * the load's conversations were opened, so the crash has their state to resume from.
     */
    private static void awaitACheckpointWithTheLoad(ChatLoad load) {
        Poll.until("a first acknowledged message", Duration.ofSeconds(30), () -> load.acknowledgedSince(0) ? true : null);
        FlinkJobs jobs = new FlinkJobs(stack.jobRestPorts());
        long before = jobs.completedCheckpoints(KPI_JOB);
        Poll.until("two more checkpoints of the KPI job", Duration.ofSeconds(60),
                () -> jobs.completedCheckpoints(KPI_JOB) >= before + 2 ? true : null);
    }
}
