package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.forecast.SlotShares;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who serves each of a tenant's queues at one instant: the agents online who serve it, those of
 * them with a free slot, and its chat slots, a shared agent's apportioned by the queues' offered
 * loads (decision 32). One pass over the agents, each to the queues his skills name, so a tick
 * costs agents × skills rather than agents × queues.
 */
final class QueueAgents {

    /** @param online agents online serving the queue (persons) @param available those with a free slot */
    record Counts(int online, int available, int slots) {
    }

    private QueueAgents() {
    }

    /**
     * @param agents   the tenant's agents by id (AgentPresence.skills: the queues served; none: every queue)
     * @param held     conversations assigned per agent
     * @param queueIds the tenant's queues
     * @param offered  offered load per queue (Erlangs), what a shared agent's slots are split by
     */
    static Map<String, Counts> of(Map<String, AgentPresence> agents, Map<String, Integer> held,
                                  Collection<String> queueIds, Map<String, Double> offered) {
        Set<String> known = new HashSet<>(queueIds);
        Map<String, int[]> counts = new HashMap<>();
        List<SlotShares.Agent> online = new ArrayList<>();
        for (Map.Entry<String, AgentPresence> agent : agents.entrySet()) {
            AgentPresence p = agent.getValue();
            if (!p.online) {
                continue;
            }
            List<String> served = p.skills == null || p.skills.length == 0 ? List.copyOf(queueIds)
                    : Arrays.stream(p.skills).distinct().filter(known::contains).toList();
            boolean free = held.getOrDefault(agent.getKey(), 0) < p.capacity;
            for (String queueId : served) {
                int[] c = counts.computeIfAbsent(queueId, q -> new int[2]);
                c[0]++;
                c[1] += free ? 1 : 0;
            }
            online.add(new SlotShares.Agent(p.capacity, served));
        }
        Map<String, Integer> slots = SlotShares.apportion(online, offered);
        Map<String, Counts> byQueue = new HashMap<>();
        for (String queueId : queueIds) {
            int[] c = counts.getOrDefault(queueId, new int[2]);
            byQueue.put(queueId, new Counts(c[0], c[1], slots.getOrDefault(queueId, 0)));
        }
        return byQueue;
    }
}
