package io.chatpulse.streamjobs.forecast;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat slots of a tenant's agents online, apportioned among its queues (decision 32): an agent
 * who serves several queues gives each a share of his capacity in proportion to the queue's offered
 * load (arrival rate × mean handle time), equal shares while none of his queues has any load. Each
 * queue's shares are summed, then rounded to whole slots by the largest remainders, so the slots
 * over all queues add up to the slots online (a slot counted in two queues was the defect of issue
 * 20: two queues sharing five agents each saw five agents).
 */
public final class SlotShares {

    /** An agent online: his capacity and the queues he serves. */
    public record Agent(int capacity, List<String> queues) {
    }

    private SlotShares() {
    }

    /**
     * @param agents the agents online
     * @param loads  offered load (Erlangs) per queue; a queue not in it has none
     * @return whole slots per queue that an agent serves; they add up to Σ capacity
     */
    public static Map<String, Integer> apportion(List<Agent> agents, Map<String, Double> loads) {
        Map<String, Double> shares = new HashMap<>();
        int total = 0;
        for (Agent agent : agents) {
            if (agent.queues().isEmpty() || agent.capacity() <= 0) {
                continue;
            }
            total += agent.capacity();
            double load = 0;
            for (String queue : agent.queues()) {
                load += loads.getOrDefault(queue, 0.0);
            }
            for (String queue : agent.queues()) {
                double share = load > 0 ? loads.getOrDefault(queue, 0.0) / load : 1.0 / agent.queues().size();
                shares.merge(queue, agent.capacity() * share, Double::sum);
            }
        }
        return largestRemainders(shares, total);
    }

    /**
     * Hamilton's method: every queue its whole slots, then the slots left over one each to the largest
     * fractions (ties by queue id, so a replay rounds as the live run did).
     */
    private static Map<String, Integer> largestRemainders(Map<String, Double> shares, int total) {
        Map<String, Integer> slots = new HashMap<>();
        int given = 0;
        for (Map.Entry<String, Double> share : shares.entrySet()) {
            int whole = (int) Math.floor(share.getValue());
            slots.put(share.getKey(), whole);
            given += whole;
        }
        List<String> byFraction = new ArrayList<>(shares.keySet());
        byFraction.sort(Comparator.comparingDouble((String q) -> shares.get(q) - Math.floor(shares.get(q))).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; given < total && i < byFraction.size(); i++, given++) {
            slots.merge(byFraction.get(i), 1, Integer::sum);
        }
        return slots;
    }
}
