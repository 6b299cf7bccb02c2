package io.chatpulse.streamjobs.conversation;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.SurveyOffered;
import io.chatpulse.streamjobs.calendar.BusinessCalendars;
import io.chatpulse.streamjobs.qa.QaEvaluator;
import io.chatpulse.streamjobs.qa.Scorecards;
import io.chatpulse.streamjobs.topic.Topic;
import io.chatpulse.streamjobs.topic.TopicCatalogue;
import io.chatpulse.streamjobs.topic.TopicTagger;
import io.chatpulse.topiccatalogue.scorecard.Scorecard;
import java.util.List;
import java.util.Optional;

/**
 * The per-conversation KPIs of metrics.md, engine-free: one event and the conversation's state in,
 * the figures it completes out. Events of a conversation must come in order (Kafka keeps them in
 * order per conversation) and each once (the caller drops repeated event ids). FRT, reply and
 * resolution time are also measured inside the business hours of the figure's queue. Customer
 * messages and conversations are tagged with the tenant's topics ({@link TopicTagger}), and each
 * ended conversation is scored with the tenant's QA scorecard ({@link QaEvaluator}).
 */
public final class ConversationKpis {

    /** Where the completed figures go; one method per table. */
    public interface Figures extends TopicTagger.Tags, QaEvaluator.Results {
        void queueWait(QueueWait row);

        void firstResponse(FirstResponse row);

        void replyTime(ReplyTime row);

        void resolution(Resolution row);

        void handleTime(HandleTime row);

        void csat(CsatRating row);

        void activity(Activity row);

        void channel(ConversationChannel row);
    }

    private final QueueWaitTracker queueWaits = new QueueWaitTracker();
    private final FirstResponseTracker firstResponses;
    private final ReplyTimeTracker replyTimes;
    private final ResolutionTracker resolutions;
    private final HandleTimeTracker handleTimes = new HandleTimeTracker();
    private final TopicTagger topics;
    private final QaEvaluator qa;

    /** Without topics or scorecards: every tenant's catalogue is empty, no tenant is scored. */
    public ConversationKpis(BusinessCalendars calendars) {
        this(calendars, TopicCatalogue.empty(), Scorecards.none());
    }

    public ConversationKpis(BusinessCalendars calendars, TopicCatalogue catalogue, Scorecards scorecards) {
        topics = new TopicTagger(catalogue);
        qa = new QaEvaluator(scorecards);
        firstResponses = new FirstResponseTracker(calendars);
        replyTimes = new ReplyTimeTracker(calendars);
        resolutions = new ResolutionTracker(calendars);
    }

    /** The tenant's topics for the messages applied from now on (a catalogue change). */
    public void changeTopics(String tenant, List<Topic> catalogue) {
        topics.change(tenant, catalogue);
    }

    /** The tenant's scorecard for the conversations that end from now on (a scorecard change). */
    public void changeScorecard(String tenant, Optional<Scorecard> card) {
        qa.change(tenant, card);
    }

    public void apply(ConversationEvent event, ConversationState state, Figures out) {
        state.where.follow(event);
        queueWaits.apply(event, state.queueWait).ifPresent(out::queueWait);
        firstResponses.apply(event, state.firstResponse, state.where).ifPresent(out::firstResponse);
        Optional<ReplyTime> reply = replyTimes.apply(event, state.replyTime, state.where);
        reply.ifPresent(out::replyTime);
        resolutions.apply(event, state.resolution, state.where).ifPresent(out::resolution);
        handleTimes.apply(event, state.handleTime, state.where).ifPresent(out::handleTime);
        csat(event, state.where).ifPresent(out::csat);
        activity(event, state.where).ifPresent(out::activity);
        topics.apply(event, state.topics, state.where.queueOrEmpty(), out);
        qa.apply(event, state.qa, state.where.queueOrEmpty(), state.where.agentId, reply, out);
        if (event.getPayload() instanceof ConversationOpened opened) {
            out.channel(new ConversationChannel(event.getTenantId(), event.getConversationId(),
                    opened.getChannel().name(), event.getEventTime()));
        }
    }

    private static Optional<CsatRating> csat(ConversationEvent event, ConversationContext where) {
        if (!(event.getPayload() instanceof CsatSubmitted submitted)) {
            return Optional.empty();
        }
        return Optional.of(new CsatRating(event.getTenantId(), where.queueOrEmpty(), event.getConversationId(),
                Agents.orEmpty(submitted.getAgentId()), event.getEventTime(), submitted.getRating(),
                submitted.getComment() == null ? "" : submitted.getComment()));
    }

    private static Optional<Activity> activity(ConversationEvent event, ConversationContext where) {
        Object payload = event.getPayload();
        Activity.Kind kind;
        String agentId = "";
        if (payload instanceof ConversationOpened) {
            kind = Activity.Kind.OPENED;
        } else if (payload instanceof ConversationReopened) {
            kind = Activity.Kind.REOPENED;
        } else if (payload instanceof ConversationResolved resolved) {
            kind = Activity.Kind.RESOLVED;
            agentId = Agents.orEmpty(resolved.getAgentId());
        } else if (payload instanceof ConversationAbandoned) {
            kind = Activity.Kind.ABANDONED;
        } else if (payload instanceof AgentAssigned assigned) {
            kind = Activity.Kind.ASSIGNED;
            agentId = assigned.getAgentId();
        } else if (payload instanceof ConversationTransferred transfer) {
            kind = Activity.Kind.TRANSFERRED;
            agentId = Agents.orEmpty(transfer.getFromAgentId());
        } else if (payload instanceof SurveyOffered offered) {
            kind = Activity.Kind.SURVEY_OFFERED;
            agentId = Agents.orEmpty(offered.getAgentId());
        } else if (payload instanceof MessagePosted message) {
            switch (message.getSender()) {
                case CUSTOMER -> kind = Activity.Kind.CUSTOMER_MESSAGE;
                case AGENT -> {
                    kind = Activity.Kind.AGENT_MESSAGE;
                    agentId = Agents.author(message, where);
                }
                case BOT -> kind = Activity.Kind.BOT_MESSAGE;
                default -> {
                    return Optional.empty();
                }
            }
        } else {
            return Optional.empty();
        }
        return Optional.of(new Activity(event.getTenantId(), where.queueOrEmpty(), event.getConversationId(),
                event.getEventId(), kind, agentId, event.getEventTime()));
    }
}
