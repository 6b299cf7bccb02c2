package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirstResponseTrackerTest {

    private static final long T0 = 1_790_000_000_000L;

    private final TestConversation c = new TestConversation("acme", "conv-1");

    @Test
    void runsFromOpenToTheFirstAgentMessage() {
        List<FirstResponse> frts = run(
                c.opened(T0, "billing"),
                c.queued(T0 + 5, "billing", QueueReason.NEW),
                c.customerMessage(T0 + 1_000),
                c.assigned(T0 + 20_000, "agent-7"),
                c.agentMessage(T0 + 35_000, "agent-7"),
                c.agentMessage(T0 + 36_000, "agent-7"));

        assertThat(frts).containsExactly(
                new FirstResponse("acme", "billing", "conv-1", "agent-7", T0, T0 + 35_000, 35_000, 35_000));
    }

    @Test
    void aBotHandoffRestartsTheClockAndBotMessagesDoNotStopIt() {
        List<FirstResponse> frts = run(
                c.opened(T0, null),
                c.customerMessage(T0 + 1_000),
                c.botMessage(T0 + 2_000),
                c.queued(T0 + 60_000, "billing", QueueReason.BOT_HANDOFF),
                c.botMessage(T0 + 61_000),
                c.assigned(T0 + 70_000, "agent-7"),
                c.agentMessage(T0 + 75_000, "agent-7"));

        assertThat(frts).containsExactly(
                new FirstResponse("acme", "billing", "conv-1", "agent-7", T0 + 60_000, T0 + 75_000, 15_000, 15_000));
    }

    @Test
    void aQueueForAnyOtherReasonDoesNotRestartTheClock() {
        List<FirstResponse> frts = run(
                c.opened(T0, null),
                c.queued(T0 + 10_000, "billing", QueueReason.NEW),
                c.agentMessage(T0 + 12_000, "agent-7"));

        assertThat(frts).singleElement().extracting(FirstResponse::frtMs).isEqualTo(12_000L);
    }

    @Test
    void aReopenStartsANewFirstResponse() {
        List<FirstResponse> frts = run(
                c.opened(T0, "billing"),
                c.assigned(T0 + 1_000, "agent-7"),
                c.agentMessage(T0 + 2_000, "agent-7"),
                c.resolved(T0 + 100_000, "agent-7"),
                c.reopened(T0 + 200_000),
                c.queued(T0 + 200_001, "billing", QueueReason.REOPEN),
                c.assigned(T0 + 230_000, "agent-8"),
                c.agentMessage(T0 + 260_000, "agent-8"));

        assertThat(frts).extracting(FirstResponse::startedAt, FirstResponse::frtMs, FirstResponse::agentId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(T0, 2_000L, "agent-7"),
                        org.assertj.core.groups.Tuple.tuple(T0 + 200_000, 60_000L, "agent-8"));
    }

    @Test
    void noFigureWhenTheConversationEndsBeforeAnAgentWrites() {
        assertThat(run(
                c.opened(T0, "billing"),
                c.abandoned(T0 + 5_000, "billing"),
                c.agentMessage(T0 + 9_000, "agent-7"))).isEmpty();
        assertThat(run(
                c.opened(T0, null),
                c.botMessage(T0 + 1_000),
                c.resolved(T0 + 5_000, null),
                c.agentMessage(T0 + 9_000, "agent-7"))).isEmpty();
    }

    @Test
    void anAgentMessageWithoutSenderIsCreditedToTheAssignedAgent() {
        List<FirstResponse> frts = run(
                c.opened(T0, "billing"),
                c.assigned(T0 + 1_000, "agent-7"),
                c.message(T0 + 3_000, SenderKind.AGENT, null));

        assertThat(frts).singleElement().extracting(FirstResponse::agentId).isEqualTo("agent-7");
    }

    @Test
    void aConversationWithoutQueueHasAnEmptyQueueId() {
        List<FirstResponse> frts = run(
                c.opened(T0, null),
                c.transferredToAgent(T0 + 500, null, "agent-2"),
                c.agentMessage(T0 + 3_000, "agent-2"));

        assertThat(frts).singleElement().extracting(FirstResponse::queueId).isEqualTo("");
    }

    @Test
    void aWaitOverTheClosedNightCountsOnlyTheBusinessHours() {
        // billing closes at 17:00 and opens at 09:00: 10 minutes on Tuesday, 20 on Wednesday.
        long opened = Trackers.berlin("2026-11-24T16:50");
        long answered = Trackers.berlin("2026-11-25T09:20");
        List<FirstResponse> frts = Trackers.run(new FirstResponseState(),
                new FirstResponseTracker(Trackers.OFFICE_HOURS)::apply,
                c.opened(opened, "billing"),
                c.queued(opened + 5, "billing", QueueReason.NEW),
                c.assigned(answered - 60_000, "agent-7"),
                c.agentMessage(answered, "agent-7"));

        assertThat(frts).containsExactly(new FirstResponse("acme", "billing", "conv-1", "agent-7", opened, answered,
                16 * 3_600_000L + 30 * 60_000L, 30 * 60_000L));
    }

    @Test
    void aQueueWithoutACalendarOrNoQueueCountsTheNightToo() {
        long opened = Trackers.berlin("2026-11-24T16:50");
        long answered = Trackers.berlin("2026-11-25T09:20");
        FirstResponseTracker tracker = new FirstResponseTracker(Trackers.OFFICE_HOURS);

        assertThat(Trackers.run(new FirstResponseState(), tracker::apply, c.opened(opened, "tech"),
                c.agentMessage(answered, "agent-7"))).extracting(FirstResponse::frtBusinessMs).containsExactly(answered - opened);
        assertThat(Trackers.run(new FirstResponseState(), tracker::apply, c.opened(opened, null),
                c.agentMessage(answered, "agent-7"))).extracting(FirstResponse::frtBusinessMs).containsExactly(answered - opened);
    }

    private static List<FirstResponse> run(ConversationEvent... events) {
        return Trackers.run(new FirstResponseState(), new FirstResponseTracker(BusinessCalendars.NONE)::apply, events);
    }
}
