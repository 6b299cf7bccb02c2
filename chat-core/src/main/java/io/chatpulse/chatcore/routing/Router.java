package io.chatpulse.chatcore.routing;

import io.chatpulse.chatcore.agent.Agent;
import io.chatpulse.chatcore.conversation.Conversation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses agents for waiting conversations: first come first served; an online agent with free
 * capacity whose skills name the queue is preferred, then one without skills (serves any queue);
 * among those the least loaded. Pure, so it is tested without Spring or Kafka.
 */
public final class Router {

    public record Assignment(String conversationId, String agentId) {
    }

    private Router() {
    }

    /** @param load active conversations per agent id now; agents absent from it hold none */
    public static List<Assignment> plan(List<Conversation> waitingFirstComeFirst, Collection<Agent> agents,
            Map<String, Integer> load) {
        return plan(waitingFirstComeFirst, agents, load, queue -> List.of());
    }

    /** @param skillsOfQueue skills a queue is configured to need, besides its own id */
    public static List<Assignment> plan(List<Conversation> waitingFirstComeFirst, Collection<Agent> agents,
            Map<String, Integer> load, Function<String, Collection<String>> skillsOfQueue) {
        Map<String, Integer> planned = new HashMap<>(load);
        List<Assignment> assignments = new ArrayList<>();
        for (Conversation waiting : waitingFirstComeFirst) {
            pick(waiting.queueId(), skillsOfQueue.apply(waiting.queueId()), agents, planned).ifPresent(agent -> {
                assignments.add(new Assignment(waiting.id(), agent.id()));
                planned.merge(agent.id(), 1, Integer::sum);
            });
        }
        return assignments;
    }

    public static Optional<Agent> pick(String queueId, Collection<Agent> agents, Map<String, Integer> load) {
        return pick(queueId, List.of(), agents, load);
    }

    public static Optional<Agent> pick(String queueId, Collection<String> queueSkills, Collection<Agent> agents,
            Map<String, Integer> load) {
        Comparator<Agent> leastLoaded = Comparator
                .comparingInt((Agent a) -> load.getOrDefault(a.id(), 0))
                .thenComparingDouble(a -> (double) load.getOrDefault(a.id(), 0) / a.capacity())
                .thenComparing(Agent::id);
        List<Agent> free = agents.stream()
                .filter(Agent::isOnline)
                .filter(a -> load.getOrDefault(a.id(), 0) < a.capacity())
                .toList();
        Optional<Agent> skilled = free.stream().filter(a -> a.serves(queueId, queueSkills)).min(leastLoaded);
        return skilled.isPresent() ? skilled : free.stream().filter(Agent::isGeneralist).min(leastLoaded);
    }

    /** 1-based place of a waiting conversation among those waiting in the same queue, or null. */
    public static Integer positionOf(Conversation conversation, List<Conversation> waitingFirstComeFirst) {
        if (!conversation.isWaiting()) {
            return null;
        }
        int position = 0;
        for (Conversation waiting : waitingFirstComeFirst) {
            if (waiting.queueId().equals(conversation.queueId())) {
                position++;
                if (waiting.id().equals(conversation.id())) {
                    return position;
                }
            }
        }
        return null;
    }
}
