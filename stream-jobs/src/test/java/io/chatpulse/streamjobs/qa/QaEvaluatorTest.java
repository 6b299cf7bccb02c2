package io.chatpulse.streamjobs.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.SenderKind;
import io.chatpulse.streamjobs.TestConversation;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.conversation.ConversationContext;
import io.chatpulse.streamjobs.conversation.ReplyTime;
import io.chatpulse.streamjobs.conversation.ReplyTimeState;
import io.chatpulse.streamjobs.conversation.ReplyTimeTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QaEvaluatorTest {

    /** Weights 1 + 3 + 1 + 2 + 1 + 1 = 9. */
    private static final Scorecards CARDS = Scorecards.parse("""
            {"acme": {"version": 7, "checks": [
              {"check": "greeting", "weight": 1, "phrases": ["hello", "您好"]},
              {"check": "forbidden_phrases", "weight": 3, "phrases": ["calm down"]},
              {"check": "closing", "weight": 1, "phrases": ["anything else"]},
              {"check": "reply_time", "weight": 2, "targetSeconds": 60},
              {"check": "transfers", "weight": 1, "max": 1},
              {"check": "survey_offered", "weight": 1}
            ]}}""");

    private final QaEvaluator evaluator = new QaEvaluator(CARDS);
    private final ReplyTimeTracker replies = new ReplyTimeTracker(BusinessCalendars.NONE);
    private final ConversationContext where = new ConversationContext();
    private final ReplyTimeState replyState = new ReplyTimeState();
    private final QaState state = new QaState();
    private final Recorder out = new Recorder();
    private final TestConversation c = new TestConversation("acme", "c1");

    @Test
    void aConversationThatFollowsThePlaybookScoresAHundredOnceTheSurveyIsOffered() {
        run(c.opened(0, "q1"), c.assigned(1_000, "agent-1"),
                c.message(2_000, SenderKind.AGENT, "agent-1", "Hello! How can I help?"),
                c.customerSays(10_000, "my parcel"),
                c.transferredToAgent(20_000, "agent-1", "agent-2"),
                c.message(50_000, SenderKind.AGENT, "agent-2", "Found it. Anything else?"),
                c.resolved(60_000, "agent-2"), c.surveyOffered(60_000, "agent-2"));
        assertThat(out.scores).extracting(QaScore::revision, QaScore::score, QaScore::passedWeight,
                QaScore::applicableWeight, QaScore::agentId, QaScore::ending, QaScore::endedAt, QaScore::scorecardVersion)
                .containsExactly(tuple(0, 100.0 * 8 / 9, 8, 9, "agent-2", "resolved", 60_000L, 7),
                        tuple(1, 100.0, 9, 9, "agent-2", "resolved", 60_000L, 7));
        assertThat(out.checks).filteredOn(r -> r.revision() == 1).extracting(QaCheckResult::check, QaCheckResult::outcome)
                .containsExactly(tuple("greeting", "pass"), tuple("forbidden_phrases", "pass"), tuple("closing", "pass"),
                        tuple("reply_time", "pass"), tuple("transfers", "pass"), tuple("survey_offered", "pass"));
        assertThat(out.checks).filteredOn(r -> r.revision() == 0 && r.outcome().equals("fail"))
                .extracting(QaCheckResult::check, QaCheckResult::eventId, QaCheckResult::at)
                .containsExactly(tuple("survey_offered", "", 60_000L));
    }

    @Test
    void eachFailedCheckPointsAtTheMessageThatFailedIt() {
        run(c.opened(0, "q1"), c.assigned(1_000, "agent-1"),
                c.message(2_000, SenderKind.AGENT, "agent-1", "Yes?"),
                c.customerSays(3_000, "where is it"),
                c.message(100_000, SenderKind.AGENT, "agent-1", "please calm down"),
                c.customerSays(101_000, "!!"),
                c.message(102_000, SenderKind.AGENT, "agent-1", "calm down"),
                c.transferredToAgent(110_000, "agent-1", "agent-2"),
                c.transferredToQueue(120_000, "agent-2", "q2"),
                c.abandoned(200_000, "q2"));
        assertThat(out.scores).extracting(QaScore::score, QaScore::passedWeight, QaScore::applicableWeight,
                QaScore::agentId, QaScore::ending, QaScore::queueId)
                .containsExactly(tuple(0.0, 0, 7, "agent-2", "abandoned", "q2"));
        assertThat(out.checks).extracting(QaCheckResult::check, QaCheckResult::outcome, QaCheckResult::eventId,
                QaCheckResult::at).containsExactly(
                tuple("greeting", "fail", "c1-e3", 2_000L),
                tuple("forbidden_phrases", "fail", "c1-e5", 100_000L),
                tuple("closing", "not_applicable", "", 200_000L),
                tuple("reply_time", "fail", "c1-e5", 100_000L),
                tuple("transfers", "fail", "c1-e9", 120_000L),
                tuple("survey_offered", "not_applicable", "", 200_000L));
    }

    @Test
    void phrasesOfScriptsWithoutSpacesMatchInsideWordsOthersOnWordBoundaries() {
        run(c.opened(0, "q1"), c.assigned(1_000, "agent-1"),
                c.message(2_000, SenderKind.AGENT, "agent-1", "您好，请问有什么可以帮您？"),
                c.message(3_000, SenderKind.AGENT, "agent-1", "anything elsewhere?"),
                c.resolved(4_000, "agent-1"));
        assertThat(out.checks).extracting(QaCheckResult::check, QaCheckResult::outcome).contains(
                tuple("greeting", "pass"), tuple("closing", "fail"));
    }

    @Test
    void aStretchWithoutAnAgentIsNotScoredAndAReopenStartsANewOne() {
        run(c.opened(0, null), c.message(1_000, SenderKind.BOT, "bot", "hello"), c.resolved(2_000, null),
                c.reopened(10_000), c.assigned(11_000, "agent-1"),
                c.message(12_000, SenderKind.AGENT, "agent-1", "hello, anything else?"),
                c.resolved(13_000, "agent-1"),
                c.customerSays(14_000, "one more thing"));
        assertThat(out.scores).extracting(QaScore::endedAt, QaScore::score, QaScore::agentId)
                .containsExactly(tuple(13_000L, 100.0 * 6 / 7, "agent-1"));
    }

    @Test
    void aTenantWithoutAScorecardIsNotScored() {
        TestConversation other = new TestConversation("globex", "c2");
        run(other.opened(0, "q1"), other.assigned(1_000, "agent-1"), other.resolved(2_000, "agent-1"));
        assertThat(out.scores).isEmpty();
        assertThat(out.checks).isEmpty();
    }

    private void run(ConversationEvent... events) {
        for (ConversationEvent event : events) {
            where.follow(event);
            Optional<ReplyTime> reply = replies.apply(event, replyState, where);
            evaluator.apply(event, state, where.queueOrEmpty(), where.agentId, reply, out);
        }
    }

    private static final class Recorder implements QaEvaluator.Results {
        final List<QaScore> scores = new ArrayList<>();
        final List<QaCheckResult> checks = new ArrayList<>();

        @Override
        public void qaScore(QaScore row) {
            scores.add(row);
        }

        @Override
        public void qaCheck(QaCheckResult row) {
            checks.add(row);
        }
    }
}
