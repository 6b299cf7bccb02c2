package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTimeTrackerTest {

    private static final long T0 = 1_790_000_000_000L;

    private final TestConversation c = new TestConversation("acme", "conv-1");

    @Test
    void eachAgentMessageAfterCustomerMessagesCountsFromTheFirstOfThem() {
        List<ReplyTime> replies = run(
                c.opened(T0, "billing"),
                c.customerMessage(T0 + 1_000),
                c.customerMessage(T0 + 4_000),
                c.assigned(T0 + 5_000, "agent-7"),
                c.agentMessage(T0 + 9_000, "agent-7"),
                c.agentMessage(T0 + 10_000, "agent-7"),
                c.customerMessage(T0 + 20_000),
                c.botMessage(T0 + 21_000),
                c.agentMessage(T0 + 26_000, "agent-7"));

        assertThat(replies).containsExactly(
                new ReplyTime("acme", "billing", "conv-1", "agent-7", T0 + 1_000, T0 + 9_000, 8_000, 8_000),
                new ReplyTime("acme", "billing", "conv-1", "agent-7", T0 + 20_000, T0 + 26_000, 6_000, 6_000));
    }

    @Test
    void whatTheCustomerToldTheBotBeforeAHandoffWaitsForTheFirstAgentMessage() {
        List<ReplyTime> replies = run(
                c.opened(T0, null),
                c.customerMessage(T0 + 1_000),
                c.botMessage(T0 + 2_000),
                c.queued(T0 + 30_000, "tech", QueueReason.BOT_HANDOFF),
                c.assigned(T0 + 40_000, "agent-2"),
                c.agentMessage(T0 + 41_000, "agent-2"),
                c.customerMessage(T0 + 50_000),
                c.agentMessage(T0 + 53_000, "agent-2"));

        assertThat(replies).extracting(ReplyTime::queueId, ReplyTime::customerAt, ReplyTime::replyMs)
                .containsExactly(tuple("tech", T0 + 1_000, 40_000L), tuple("tech", T0 + 50_000, 3_000L));
    }

    @Test
    void aMessageLeftUnansweredAtResolutionWaitsAcrossTheReopen() {
        List<ReplyTime> replies = run(
                c.opened(T0, "billing"),
                c.assigned(T0 + 1_000, "agent-7"),
                c.customerMessage(T0 + 2_000),
                c.resolved(T0 + 3_000, "agent-7"),
                c.reopened(T0 + 100_000),
                c.assigned(T0 + 100_000, "agent-7"),
                c.agentMessage(T0 + 101_000, "agent-7"));

        assertThat(replies).extracting(ReplyTime::customerAt, ReplyTime::replyMs)
                .containsExactly(tuple(T0 + 2_000, 99_000L));
    }

    @Test
    void aReplyTheNextMorningCountsOnlyTheBusinessHours() {
        // Friday 16:45 to Monday 09:05 in billing (mon..fri 09:00-17:00): 15 + 5 minutes.
        long asked = Trackers.berlin("2026-11-27T16:45");
        long replied = Trackers.berlin("2026-11-30T09:05");
        List<ReplyTime> replies = Trackers.run(new ReplyTimeState(), new ReplyTimeTracker(Trackers.OFFICE_HOURS)::apply,
                c.opened(asked - 60_000, "billing"),
                c.customerMessage(asked),
                c.agentMessage(replied, "agent-7"));

        assertThat(replies).extracting(ReplyTime::replyMs, ReplyTime::replyBusinessMs)
                .containsExactly(tuple(replied - asked, 20 * 60_000L));
    }

    private List<ReplyTime> run(ConversationEvent... events) {
        return Trackers.run(new ReplyTimeState(), new ReplyTimeTracker(BusinessCalendars.NONE)::apply, events);
    }
}
