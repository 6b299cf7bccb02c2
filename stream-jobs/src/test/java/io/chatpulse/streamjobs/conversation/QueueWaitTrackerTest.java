package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.conversation.QueueWait.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueWaitTrackerTest {

    private static final long T0 = 1_790_000_000_000L;

    private final TestConversation c = new TestConversation("acme", "conv-1");

    @Test
    void aWaitRunsFromQueuedToTheFirstAssignment() {
        List<QueueWait> waits = run(
                c.opened(T0, "billing"),
                c.queued(T0 + 10, "billing", QueueReason.NEW),
                c.assigned(T0 + 42_010, "agent-7"),
                c.assigned(T0 + 50_000, "agent-8"));

        assertThat(waits).containsExactly(new QueueWait("acme", "billing", "conv-1",
                T0 + 10, T0 + 42_010, Outcome.ANSWERED, "agent-7", 42_000));
    }

    @Test
    void anAbandonEndsTheWaitWithoutAnAgent() {
        List<QueueWait> waits = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.abandoned(T0 + 3_500, "billing"),
                c.assigned(T0 + 9_000, "agent-7"));

        assertThat(waits).containsExactly(new QueueWait("acme", "billing", "conv-1",
                T0, T0 + 3_500, Outcome.ABANDONED, "", 3_500));
    }

    @Test
    void eachWaitEpisodeCountsOnce() {
        List<QueueWait> waits = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.assigned(T0 + 1_000, "agent-7"),
                c.transferredToQueue(T0 + 60_000, "agent-7", "tech"),
                c.queued(T0 + 60_005, "tech", QueueReason.TRANSFER),
                c.assigned(T0 + 90_000, "agent-9"));

        assertThat(waits).extracting(QueueWait::queueId, QueueWait::agentId, QueueWait::queuedAt, QueueWait::waitMs)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("billing", "agent-7", T0, 1_000L),
                        org.assertj.core.groups.Tuple.tuple("tech", "agent-9", T0 + 60_000, 30_000L));
    }

    @Test
    void queuedAgainInTheSameQueueKeepsTheWaitGoing() {
        List<QueueWait> waits = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.queued(T0 + 5_000, "billing", QueueReason.REQUEUE),
                c.assigned(T0 + 8_000, "agent-7"));

        assertThat(waits).singleElement().satisfies(w -> {
            assertThat(w.queuedAt()).isEqualTo(T0);
            assertThat(w.waitMs()).isEqualTo(8_000);
        });
    }

    @Test
    void movingToAnotherQueueWhileWaitingStartsTheWaitThere() {
        List<QueueWait> waits = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.queued(T0 + 5_000, "tech", QueueReason.REQUEUE),
                c.assigned(T0 + 8_000, "agent-7"));

        assertThat(waits).singleElement().satisfies(w -> {
            assertThat(w.queueId()).isEqualTo("tech");
            assertThat(w.waitMs()).isEqualTo(3_000);
        });
    }

    @Test
    void aTransferToAnAgentAnswersTheWait() {
        List<QueueWait> waits = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.transferredToAgent(T0 + 2_000, null, "agent-3"));

        assertThat(waits).singleElement().satisfies(w -> {
            assertThat(w.outcome()).isEqualTo(Outcome.ANSWERED);
            assertThat(w.agentId()).isEqualTo("agent-3");
        });
    }

    @Test
    void aResolutionWhileWaitingIsNeitherAnsweredNorAbandoned() {
        List<QueueWait> waits = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.resolved(T0 + 2_000, null),
                c.assigned(T0 + 3_000, "agent-7"),
                c.abandoned(T0 + 4_000, "billing"));

        assertThat(waits).isEmpty();
    }

    @Test
    void anAssignmentWithoutAWaitIsNoFigure() {
        assertThat(run(c.opened(T0, null), c.assigned(T0 + 1, "agent-7"))).isEmpty();
    }

    private static List<QueueWait> run(ConversationEvent... events) {
        QueueWaitTracker tracker = new QueueWaitTracker();
        QueueWaitState state = new QueueWaitState();
        List<QueueWait> out = new ArrayList<>();
        for (ConversationEvent event : events) {
            tracker.apply(event, state).ifPresent(out::add);
        }
        return out;
    }
}
