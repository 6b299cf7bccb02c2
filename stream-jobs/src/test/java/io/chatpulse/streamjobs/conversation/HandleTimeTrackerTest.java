package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.conversation.HandleTime.Ending;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandleTimeTrackerTest {

    private static final long T0 = 1_790_000_000_000L;

    private final TestConversation c = new TestConversation("acme", "conv-1");

    @Test
    void eachAgentEpisodeRunsFromAssignmentToResolutionOrTransfer() {
        // As chat-core writes them: a transfer to an agent is a transfer, then an assignment;
        // a transfer to a queue is a transfer, then a queueing.
        List<HandleTime> episodes = run(
                c.opened(T0, "billing"),
                c.queued(T0, "billing", QueueReason.NEW),
                c.assigned(T0 + 10_000, "agent-7"),
                c.transferredToAgent(T0 + 70_000, "agent-7", "agent-8"),
                c.assigned(T0 + 70_000, "agent-8"),
                c.transferredToQueue(T0 + 100_000, "agent-8", "tech"),
                c.queued(T0 + 100_000, "tech", QueueReason.TRANSFER),
                c.assigned(T0 + 130_000, "agent-9"),
                c.resolved(T0 + 190_000, "agent-9"));

        assertThat(episodes).containsExactly(
                new HandleTime("acme", "billing", "conv-1", "agent-7", T0 + 10_000, T0 + 70_000, Ending.TRANSFERRED, 60_000),
                new HandleTime("acme", "billing", "conv-1", "agent-8", T0 + 70_000, T0 + 100_000, Ending.TRANSFERRED, 30_000),
                new HandleTime("acme", "tech", "conv-1", "agent-9", T0 + 130_000, T0 + 190_000, Ending.RESOLVED, 60_000));
    }

    @Test
    void aHandBackEndsTheEpisode() {
        List<HandleTime> episodes = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.assigned(T0 + 1_000, "agent-7"),
                c.transferredToQueue(T0 + 5_000, "agent-7", "billing"),
                c.queued(T0 + 5_000, "billing", QueueReason.REQUEUE));

        assertThat(episodes).singleElement().satisfies(e -> {
            assertThat(e.ending()).isEqualTo(Ending.TRANSFERRED);
            assertThat(e.handleMs()).isEqualTo(4_000);
        });
    }

    @Test
    void anAssignmentToAnotherAgentWithoutTransferEndsTheEpisodeBeforeIt() {
        List<HandleTime> episodes = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.assigned(T0 + 1_000, "agent-7"),
                c.assigned(T0 + 1_000, "agent-7"),
                c.assigned(T0 + 3_000, "agent-8"),
                c.resolved(T0 + 4_000, "agent-8"));

        assertThat(episodes).extracting(HandleTime::agentId, HandleTime::handleMs, HandleTime::ending)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("agent-7", 2_000L, Ending.TRANSFERRED),
                        org.assertj.core.groups.Tuple.tuple("agent-8", 1_000L, Ending.RESOLVED));
    }

    @Test
    void noEpisodeWithoutAnAgent() {
        assertThat(run(c.opened(T0, null), c.resolved(T0 + 1_000, null))).isEmpty();
    }

    private List<HandleTime> run(ConversationEvent... events) {
        return Trackers.run(new HandleTimeState(), new HandleTimeTracker()::apply, events);
    }
}
