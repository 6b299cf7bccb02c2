package io.chatpulse.streamjobs.reference;

import io.chatpulse.events.AgentAssigned;
import io.chatpulse.events.ConversationAbandoned;
import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import io.chatpulse.events.ConversationQueued;
import io.chatpulse.events.ConversationReopened;
import io.chatpulse.events.ConversationResolved;
import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.CsatSubmitted;
import io.chatpulse.events.MessagePosted;
import io.chatpulse.events.QueueReason;
import io.chatpulse.events.SenderKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-conversation figures of metrics.md, each read off one conversation's events (in the order
 * they arrived, every event id once) by a scan of its own, written from the contract's wording. First
 * the context after each event: the queue the conversation is or was last in, and its human assignee.
 */
final class ConversationFigures {

    private final String id;
    private final List<ConversationEvent> events;
    private final String[] queueAfter;
    private final String[] assigneeAfter;

    ConversationFigures(String id, List<ConversationEvent> events) {
        this.id = id;
        this.events = events;
        this.queueAfter = new String[events.size()];
        this.assigneeAfter = new String[events.size()];
        followContext();
    }

    private void followContext() {
        String queue = "";
        String assignee = null;
        for (int i = 0; i < events.size(); i++) {
            Object p = events.get(i).getPayload();
            if (p instanceof ConversationOpened o && o.getQueueId() != null) {
                queue = o.getQueueId();
            } else if (p instanceof ConversationQueued q) {
                queue = q.getQueueId();
                assignee = null;
            } else if (p instanceof AgentAssigned a) {
                assignee = a.getAgentId();
                queue = a.getQueueId() == null ? queue : a.getQueueId();
            } else if (p instanceof ConversationTransferred t) {
                assignee = t.getToAgentId();
                queue = t.getToQueueId() == null ? queue : t.getToQueueId();
            }
            queueAfter[i] = queue;
            assigneeAfter[i] = assignee;
        }
    }

    /** From entering a queue to the first assignment to a human agent, or to the abandon; per episode. */
    List<Figure> queueWaits() {
        List<Figure> waits = new ArrayList<>();
        String waitingIn = null;
        long since = 0;
        for (ConversationEvent e : events) {
            Object p = e.getPayload();
            String answeredBy = p instanceof AgentAssigned a ? a.getAgentId()
                    : p instanceof ConversationTransferred t ? t.getToAgentId() : null;
            if (p instanceof ConversationQueued q) {
                waitingIn = q.getQueueId();
                since = e.getEventTime();
            } else if (waitingIn != null && answeredBy != null) {
                waits.add(Figure.stretch(id, waitingIn, answeredBy, since, e.getEventTime(), "answered"));
                waitingIn = null;
            } else if (waitingIn != null && p instanceof ConversationAbandoned) {
                waits.add(Figure.stretch(id, waitingIn, "", since, e.getEventTime(), "abandoned"));
                waitingIn = null;
            }
        }
        return waits;
    }

    /** From the last non-human start (open, reopen, bot handoff) to the first human agent message after it. */
    List<Figure> firstResponses() {
        List<Figure> responses = new ArrayList<>();
        Long start = null;
        for (int i = 0; i < events.size(); i++) {
            ConversationEvent e = events.get(i);
            Object p = e.getPayload();
            if (p instanceof ConversationOpened || p instanceof ConversationReopened
                    || p instanceof ConversationQueued q && q.getReason() == QueueReason.BOT_HANDOFF) {
                start = e.getEventTime();
            } else if (start != null && isAgentMessage(p)) {
                responses.add(Figure.stretch(id, queueAfter[i], author(i), start, e.getEventTime(),
                        alwaysOpen(start, e.getEventTime())));
                start = null;
            }
        }
        return responses;
    }

    /**
     * For each agent message that follows customer messages since the previous agent message: that
     * message minus the first of those customer messages. Nothing else (a bot, a handoff, a resolution,
     * a reopen) starts or stops it: the contract names none.
     */
    List<Figure> replyTimes() {
        List<Figure> replies = new ArrayList<>();
        Long firstUnanswered = null;
        for (int i = 0; i < events.size(); i++) {
            ConversationEvent e = events.get(i);
            Object p = e.getPayload();
            if (p instanceof MessagePosted m && m.getSender() == SenderKind.CUSTOMER && firstUnanswered == null) {
                firstUnanswered = e.getEventTime();
            } else if (firstUnanswered != null && isAgentMessage(p)) {
                replies.add(Figure.stretch(id, queueAfter[i], author(i), firstUnanswered, e.getEventTime(),
                        alwaysOpen(firstUnanswered, e.getEventTime())));
                firstUnanswered = null;
            }
        }
        return replies;
    }

    /** From open (or reopen) to the following resolution; every resolution once. */
    List<Figure> resolutions() {
        List<Figure> resolutions = new ArrayList<>();
        ConversationEvent start = null;
        for (int i = 0; i < events.size(); i++) {
            ConversationEvent e = events.get(i);
            Object p = e.getPayload();
            if (p instanceof ConversationOpened || p instanceof ConversationReopened) {
                start = e;
            } else if (start != null && p instanceof ConversationResolved r) {
                resolutions.add(Figure.stretch(id, queueAfter[i], orEmpty(r.getAgentId()), start.getEventTime(),
                        e.getEventTime(), r.getResolvedBy().name().toLowerCase(Locale.ROOT),
                        Boolean.toString(start.getPayload() instanceof ConversationReopened),
                        alwaysOpen(start.getEventTime(), e.getEventTime())));
                start = null;
            }
        }
        return resolutions;
    }

    /** From assignment to an agent to resolution or transfer away, per agent episode. */
    List<Figure> handleTimes() {
        List<Figure> episodes = new ArrayList<>();
        int assignedAt = -1;
        for (int i = 0; i < events.size(); i++) {
            Object p = events.get(i).getPayload();
            if (p instanceof AgentAssigned) {
                assignedAt = i;
            } else if (assignedAt >= 0 && (p instanceof ConversationTransferred || p instanceof ConversationResolved)) {
                episodes.add(Figure.stretch(id, queueAfter[assignedAt], assigneeAfter[assignedAt],
                        events.get(assignedAt).getEventTime(), events.get(i).getEventTime(),
                        p instanceof ConversationResolved ? "resolved" : "transferred"));
                assignedAt = -1;
            }
        }
        return episodes;
    }

    /** Each rating, credited to the agent assigned at the resolution it rates (the latest before it). */
    List<Figure> ratings() {
        List<Figure> ratings = new ArrayList<>();
        String atResolution = null;
        for (int i = 0; i < events.size(); i++) {
            ConversationEvent e = events.get(i);
            if (e.getPayload() instanceof ConversationResolved) {
                atResolution = assigneeAfter[i];
            } else if (e.getPayload() instanceof CsatSubmitted s) {
                ratings.add(new Figure(id, queueAfter[i], orEmpty(atResolution), e.getEventTime(), e.getEventTime(),
                        s.getRating(), List.of(orEmpty(s.getComment()))));
            }
        }
        return ratings;
    }

    /** The countable steps behind volume, handled, resolutions, reopens and surveys. */
    List<Figure> steps() {
        List<Figure> steps = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            ConversationEvent e = events.get(i);
            Step step = Step.of(e.getPayload());
            if (step != null) {
                steps.add(new Figure(id, queueAfter[i], step.agentOf(e.getPayload()), e.getEventTime(), e.getEventTime(), 0,
                        List.of(step.kind())));
            }
        }
        return steps;
    }

    /** The channel it was opened on. */
    String channel() {
        return ((ConversationOpened) events.get(0).getPayload()).getChannel().name();
    }

    /** The business-hours variant: no queue of the day has a calendar, so it is the wall time. */
    private static String alwaysOpen(long from, long to) {
        return Long.toString(to - from);
    }

    private static boolean isAgentMessage(Object payload) {
        return payload instanceof MessagePosted m && m.getSender() == SenderKind.AGENT;
    }

    private String author(int i) {
        String sender = ((MessagePosted) events.get(i).getPayload()).getSenderId();
        return sender != null ? sender : orEmpty(assigneeAfter[i]);
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
