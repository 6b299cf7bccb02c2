package io.chatpulse.streamjobs.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.conversation.Activity.Kind;
import io.chatpulse.streamjobs.qa.QaCheckResult;
import io.chatpulse.streamjobs.qa.QaScore;
import io.chatpulse.streamjobs.topic.ConversationTopic;
import io.chatpulse.streamjobs.topic.MessageTopic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationKpisTest {

    private static final long T0 = 1_790_000_000_000L;

    private final TestConversation c = new TestConversation("acme", "conv-1");

    @Test
    void aWholeConversationYieldsEachFigureOnce() {
        Recorder figures = run(
                c.opened(T0, "billing"),
                c.queued(T0, "billing", QueueReason.NEW),
                c.customerMessage(T0 + 1_000),
                c.assigned(T0 + 20_000, "agent-7"),
                c.agentMessage(T0 + 25_000, "agent-7"),
                c.resolved(T0 + 60_000, "agent-7"),
                c.surveyOffered(T0 + 60_000, "agent-7"),
                c.csat(T0 + 90_000, 4, "quick, thanks", "agent-7"));

        assertThat(figures.queueWaits).extracting(QueueWait::waitMs).containsExactly(20_000L);
        assertThat(figures.firstResponses).extracting(FirstResponse::frtMs).containsExactly(25_000L);
        assertThat(figures.replyTimes).extracting(ReplyTime::replyMs).containsExactly(24_000L);
        assertThat(figures.resolutions).extracting(Resolution::resolutionMs).containsExactly(60_000L);
        assertThat(figures.handleTimes).extracting(HandleTime::handleMs).containsExactly(40_000L);
        assertThat(figures.csat).containsExactly(
                new CsatRating("acme", "billing", "conv-1", "agent-7", T0 + 90_000, 4, "quick, thanks"));
        assertThat(figures.activity).extracting(Activity::kind, Activity::agentId, Activity::queueId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.OPENED, "", "billing"),
                org.assertj.core.groups.Tuple.tuple(Kind.CUSTOMER_MESSAGE, "", "billing"),
                org.assertj.core.groups.Tuple.tuple(Kind.ASSIGNED, "agent-7", "billing"),
                org.assertj.core.groups.Tuple.tuple(Kind.AGENT_MESSAGE, "agent-7", "billing"),
                org.assertj.core.groups.Tuple.tuple(Kind.RESOLVED, "agent-7", "billing"),
                org.assertj.core.groups.Tuple.tuple(Kind.SURVEY_OFFERED, "agent-7", "billing"));
        assertThat(figures.channels).as("the channel filter's key")
                .containsExactly(new ConversationChannel("acme", "conv-1", "WEB", T0));
    }

    @Test
    void activityCountsReopensAbandonsAndBotMessagesButNotSystemMessages() {
        Recorder figures = run(
                c.opened(T0, null),
                c.botMessage(T0 + 1),
                c.message(T0 + 2, SenderKind.SYSTEM, null),
                c.queued(T0 + 3, "tech", QueueReason.BOT_HANDOFF),
                c.abandoned(T0 + 4, "tech"),
                c.reopened(T0 + 5));

        assertThat(figures.activity).extracting(Activity::kind, Activity::queueId, Activity::eventId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.OPENED, "", "conv-1-e1"),
                org.assertj.core.groups.Tuple.tuple(Kind.BOT_MESSAGE, "", "conv-1-e2"),
                org.assertj.core.groups.Tuple.tuple(Kind.ABANDONED, "tech", "conv-1-e5"),
                org.assertj.core.groups.Tuple.tuple(Kind.REOPENED, "tech", "conv-1-e6"));
    }

    @Test
    void activityRecordsAssignmentsAndWhoTransferredAway() {
        Recorder figures = run(
                c.queued(T0, "billing", QueueReason.NEW),
                c.assigned(T0 + 1, "agent-7"),
                c.transferredToQueue(T0 + 2, "agent-7", "tech"),
                c.queued(T0 + 2, "tech", QueueReason.TRANSFER),
                c.assigned(T0 + 3, "agent-8"));

        assertThat(figures.activity).extracting(Activity::kind, Activity::agentId, Activity::queueId).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.ASSIGNED, "agent-7", "billing"),
                org.assertj.core.groups.Tuple.tuple(Kind.TRANSFERRED, "agent-7", "tech"),
                org.assertj.core.groups.Tuple.tuple(Kind.ASSIGNED, "agent-8", "tech"));
    }

    @Test
    void theBusinessHoursVariantsLeaveTheClosedNightOut() {
        // billing (mon..fri 09:00-17:00 in Berlin): opened Tuesday 16:30, answered and resolved Wednesday.
        long opened = Trackers.berlin("2026-11-24T16:30");
        Recorder figures = run(Trackers.OFFICE_HOURS,
                c.opened(opened, "billing"),
                c.queued(opened, "billing", QueueReason.NEW),
                c.customerMessage(opened + 10 * 60_000),
                c.assigned(Trackers.berlin("2026-11-25T09:00"), "agent-7"),
                c.agentMessage(Trackers.berlin("2026-11-25T09:15"), "agent-7"),
                c.resolved(Trackers.berlin("2026-11-25T10:00"), "agent-7"));

        assertThat(figures.firstResponses).extracting(FirstResponse::frtBusinessMs).containsExactly(45 * 60_000L);
        assertThat(figures.replyTimes).extracting(ReplyTime::replyBusinessMs).containsExactly(35 * 60_000L);
        assertThat(figures.resolutions).extracting(Resolution::resolutionBusinessMs).containsExactly(90 * 60_000L);
        assertThat(figures.queueWaits).as("queue wait has no business-hours variant")
                .extracting(QueueWait::waitMs).containsExactly(16 * 3_600_000L + 30 * 60_000L);
    }

    private static Recorder run(ConversationEvent... events) {
        return run(BusinessCalendars.NONE, events);
    }

    private static Recorder run(BusinessCalendars calendars, ConversationEvent... events) {
        ConversationKpis kpis = new ConversationKpis(calendars);
        ConversationState state = new ConversationState();
        Recorder figures = new Recorder();
        for (ConversationEvent event : events) {
            kpis.apply(event, state, figures);
        }
        return figures;
    }

    static final class Recorder implements ConversationKpis.Figures {
        final List<QueueWait> queueWaits = new ArrayList<>();
        final List<FirstResponse> firstResponses = new ArrayList<>();
        final List<ReplyTime> replyTimes = new ArrayList<>();
        final List<Resolution> resolutions = new ArrayList<>();
        final List<HandleTime> handleTimes = new ArrayList<>();
        final List<CsatRating> csat = new ArrayList<>();
        final List<Activity> activity = new ArrayList<>();
        final List<ConversationChannel> channels = new ArrayList<>();
        final List<MessageTopic> messageTopics = new ArrayList<>();
        final List<ConversationTopic> conversationTopics = new ArrayList<>();

        @Override
        public void queueWait(QueueWait row) {
            queueWaits.add(row);
        }

        @Override
        public void firstResponse(FirstResponse row) {
            firstResponses.add(row);
        }

        @Override
        public void replyTime(ReplyTime row) {
            replyTimes.add(row);
        }

        @Override
        public void resolution(Resolution row) {
            resolutions.add(row);
        }

        @Override
        public void handleTime(HandleTime row) {
            handleTimes.add(row);
        }

        @Override
        public void csat(CsatRating row) {
            csat.add(row);
        }

        @Override
        public void channel(ConversationChannel row) {
            channels.add(row);
        }

        @Override
        public void activity(Activity row) {
            activity.add(row);
        }

        @Override
        public void messageTopic(MessageTopic row) {
            messageTopics.add(row);
        }

        @Override
        public void conversationTopic(ConversationTopic row) {
            conversationTopics.add(row);
        }

        /** No scorecard here: QaEvaluatorTest has the QA cases. */
        @Override
        public void qaScore(QaScore row) {
            throw new AssertionError("scored without a scorecard: " + row);
        }

        @Override
        public void qaCheck(QaCheckResult row) {
            throw new AssertionError("a check without a scorecard: " + row);
        }
    }
}
