package io.chatpulse.streamjobs.qa;

import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SenderKind;
import io.chatpulse.events.SurveyOffered;
import io.chatpulse.streamjobs.conversation.ReplyTime;
import io.chatpulse.streamjobs.topic.Topic;
import io.chatpulse.streamjobs.topic.TopicMatcher;
import io.chatpulse.topiccatalogue.scorecard.CheckKind;
import io.chatpulse.topiccatalogue.scorecard.QaCheck;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Automatic QA, engine-free: follows each stretch of a conversation (open or reopen to its end) in
 * a {@link QaState}, judging each agent message, reply and transfer as it comes with the tenant's
 * scorecard, and when the stretch ends (resolved, or abandoned after an agent joined) gives its
 * score and each check's verdict ({@link QaScoring}). A survey offered right after the resolution
 * (chat-core offers it in the same step, as the next event) gives the verdict again as revision 1,
 * which replaces revision 0 in the tables. Phrases are found by the topics' {@link TopicMatcher}.
 */
public final class QaEvaluator {

    /** Where the evaluations go. */
    public interface Results {
        void qaScore(QaScore row);

        void qaCheck(QaCheckResult row);
    }

    private final Map<String, Scorecard> scorecards;
    private final Map<String, TopicMatcher> matchers = new HashMap<>();

    public QaEvaluator(Scorecards scorecards) {
        this.scorecards = new HashMap<>(scorecards.tenants());
    }

    /**
     * The tenant's scorecard for the conversations that end from now on (a scorecard change; none: the
     * tenant is not scored). What a conversation going on has already been judged by (its first agent
     * message greeted or not, a forbidden phrase seen) stays as the previous scorecard judged it.
     */
    public void change(String tenant, Optional<Scorecard> card) {
        matchers.remove(tenant);
        card.ifPresentOrElse(c -> scorecards.put(tenant, c), () -> scorecards.remove(tenant));
    }

    /**
     * Applies one event. {@code queueId} and {@code agentId} are where the conversation is after it
     * (agent null when none); {@code reply} the reply time the event completed, if any.
     */
    public void apply(ConversationEvent event, QaState state, String queueId, String agentId,
                      Optional<ReplyTime> reply, Results out) {
        Optional<Scorecard> card = Optional.ofNullable(scorecards.get(event.getTenantId()));
        if (card.isEmpty()) {
            return;
        }
        Object payload = event.getPayload();
        if (payload instanceof ConversationOpened || payload instanceof ConversationReopened) {
            state.restart();
        }
        if (state.ending != null) {
            if (payload instanceof SurveyOffered && QaScoring.RESOLVED.equals(state.ending) && !state.surveyOffered
                    && card.get().check(CheckKind.SURVEY_OFFERED).isPresent()) {
                state.surveyOffered = true;
                state.revision = 1;
                emit(event, card.get(), state, out);
            }
            return;
        }
        follow(event, card.get(), state, agentId, reply);
        if (payload instanceof ConversationResolved resolved) {
            end(state, QaScoring.RESOLVED, event.getEventTime(), queueId,
                    resolved.getAgentId() != null ? resolved.getAgentId() : state.agentId);
            emit(event, card.get(), state, out);
        } else if (payload instanceof ConversationAbandoned) {
            end(state, QaScoring.ABANDONED, event.getEventTime(), queueId, state.agentId);
            emit(event, card.get(), state, out);
        }
    }

    private void follow(ConversationEvent event, Scorecard card, QaState state, String agentId,
                        Optional<ReplyTime> reply) {
        if (agentId != null) {
            state.agentJoined = true;
            state.agentId = agentId;
        }
        Object payload = event.getPayload();
        MessageRef here = MessageRef.of(event.getEventId(), event.getEventTime());
        if (payload instanceof MessagePosted message && message.getSender() == SenderKind.AGENT) {
            List<String> found = matcher(event.getTenantId(), card).topicsOf(message.getText());
            if (state.firstAgentMessage == null) {
                state.firstAgentMessage = here;
                state.greeted = found.contains(CheckKind.GREETING.column());
            }
            if (state.forbidden == null && found.contains(CheckKind.FORBIDDEN_PHRASES.column())) {
                state.forbidden = here;
            }
            state.lastAgentMessage = here;
            state.closingPhrase = found.contains(CheckKind.CLOSING.column());
        } else if (payload instanceof ConversationTransferred) {
            state.transfers++;
            int allowed = card.check(CheckKind.TRANSFERS).map(QaCheck::max).orElse(Integer.MAX_VALUE);
            if (state.excessTransfer == null && state.transfers > allowed) {
                state.excessTransfer = here;
            }
        } else if (payload instanceof SurveyOffered) {
            state.surveyOffered = true;
        }
        reply.ifPresent(r -> {
            state.replies++;
            long targetMs = card.check(CheckKind.REPLY_TIME).map(c -> c.targetSeconds() * 1_000L).orElse(Long.MAX_VALUE);
            if (state.slowReply == null && r.replyMs() > targetMs) {
                state.slowReply = here;
            }
        });
    }

    private static void end(QaState state, String ending, long at, String queueId, String creditedAgentId) {
        state.ending = ending;
        state.endedAt = at;
        state.endQueueId = queueId;
        state.creditedAgentId = creditedAgentId == null ? "" : creditedAgentId;
    }

    /** The score and the verdicts, when an agent joined the stretch and a check applies. */
    private static void emit(ConversationEvent event, Scorecard card, QaState state, Results out) {
        if (!state.agentJoined) {
            return;
        }
        List<CheckOutcome> outcomes = QaScoring.outcomes(card, state);
        OptionalDouble score = QaScoring.score(outcomes);
        if (score.isEmpty()) {
            return;
        }
        String tenant = event.getTenantId();
        String conversation = event.getConversationId();
        out.qaScore(new QaScore(tenant, state.endQueueId, conversation, state.creditedAgentId, state.endedAt,
                state.ending, score.getAsDouble(), QaScoring.weightOf(outcomes, CheckOutcome.Result.PASS),
                QaScoring.weightOf(outcomes, CheckOutcome.Result.PASS) + QaScoring.weightOf(outcomes,
                        CheckOutcome.Result.FAIL), card.version(), state.revision));
        for (CheckOutcome outcome : outcomes) {
            out.qaCheck(new QaCheckResult(tenant, state.endQueueId, conversation, state.creditedAgentId,
                    state.endedAt, outcome.kind().column(), outcome.result().column(), outcome.weight(),
                    outcome.eventId(), outcome.at(), card.version(), state.revision));
        }
    }

    /** The tenant's phrase checks as topics named after them, in one automaton. */
    private TopicMatcher matcher(String tenant, Scorecard card) {
        return matchers.computeIfAbsent(tenant, t -> {
            List<Topic> checks = new ArrayList<>();
            for (QaCheck check : card.checks()) {
                if (check.kind().usesPhrases()) {
                    checks.add(new Topic(check.check(), check.phrases(), List.of()));
                }
            }
            return new TopicMatcher(checks);
        });
    }
}
