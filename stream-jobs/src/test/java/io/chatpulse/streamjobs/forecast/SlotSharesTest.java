package io.chatpulse.streamjobs.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A shared agent's slots apportioned among his queues by offered load (decision 32). */
class SlotSharesTest {

    /** Issue 20's case: two queues sharing five agents of capacity 2 no longer both see ten slots. */
    @Test
    void twoQueuesSharingFiveAgentsSplitTheirTenSlotsByLoad() {
        List<SlotShares.Agent> agents = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.add(new SlotShares.Agent(2, List.of("billing", "sales")));
        }
        // 6 and 2 Erlangs: 7.5 and 2.5 slots, the half slot to the first by queue id on a tie.
        assertThat(SlotShares.apportion(agents, Map.of("billing", 6.0, "sales", 2.0)))
                .isEqualTo(Map.of("billing", 8, "sales", 2));
        assertThat(SlotShares.apportion(agents, Map.of("billing", 3.0, "sales", 1.0)))
                .isEqualTo(Map.of("billing", 8, "sales", 2));
        assertThat(SlotShares.apportion(agents, Map.of("billing", 1.0, "sales", 9.0)))
                .isEqualTo(Map.of("billing", 1, "sales", 9));
    }

    @Test
    void withoutLoadEveryQueueOfTheAgentGetsAnEqualShare() {
        List<SlotShares.Agent> agents = List.of(new SlotShares.Agent(3, List.of("a", "b", "c")));
        assertThat(SlotShares.apportion(agents, Map.of())).isEqualTo(Map.of("a", 1, "b", 1, "c", 1));
    }

    /** A dedicated agent gives his queue everything, whatever the loads; a shared one splits what he has. */
    @Test
    void aDedicatedAgentKeepsHisWholeCapacityInHisQueue() {
        List<SlotShares.Agent> agents = List.of(new SlotShares.Agent(5, List.of("billing")),
                new SlotShares.Agent(4, List.of("billing", "sales")));
        // The shared agent: 4 × 1/4 = 1 slot to billing, 3 to sales.
        assertThat(SlotShares.apportion(agents, Map.of("billing", 1.0, "sales", 3.0)))
                .isEqualTo(Map.of("billing", 6, "sales", 3));
        // A queue without load gets nothing from a shared agent whose other queue has load.
        assertThat(SlotShares.apportion(agents, Map.of("sales", 3.0))).isEqualTo(Map.of("billing", 5, "sales", 4));
    }

    /** Fractions are rounded by the largest remainders: 1/3 each of one slot goes to one queue, by id. */
    @Test
    void fractionsGoToTheLargestRemaindersSoTheSumIsTheSlotsOnline() {
        List<SlotShares.Agent> agents = List.of(new SlotShares.Agent(1, List.of("c", "b", "a")));
        assertThat(SlotShares.apportion(agents, Map.of())).isEqualTo(Map.of("a", 1, "b", 0, "c", 0));
    }

    /** Whatever the skills and loads, the slots over the queues are the slots online and each share is fair to within one. */
    @Test
    void theSlotsOverAllQueuesAreAlwaysTheSlotsOnline() {
        SplittableRandom random = new SplittableRandom(32);
        String[] queues = {"q0", "q1", "q2", "q3", "q4", "q5"};
        for (int round = 0; round < 500; round++) {
            List<SlotShares.Agent> agents = new ArrayList<>();
            int online = 0;
            for (int i = random.nextInt(1, 30); i > 0; i--) {
                List<String> skills = new ArrayList<>();
                for (String queue : queues) {
                    if (random.nextInt(3) == 0) {
                        skills.add(queue);
                    }
                }
                if (skills.isEmpty()) {
                    skills.add(queues[random.nextInt(queues.length)]);
                }
                int capacity = random.nextInt(1, 6);
                agents.add(new SlotShares.Agent(capacity, skills));
                online += capacity;
            }
            Map<String, Double> loads = new java.util.HashMap<>();
            for (String queue : queues) {
                if (random.nextBoolean()) {
                    loads.put(queue, random.nextDouble(0, 20));
                }
            }
            Map<String, Integer> slots = SlotShares.apportion(agents, loads);
            assertThat(slots.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(online);
            for (String queue : slots.keySet()) {
                double exact = 0;
                for (SlotShares.Agent agent : agents) {
                    if (agent.queues().contains(queue)) {
                        double load = agent.queues().stream().mapToDouble(q -> loads.getOrDefault(q, 0.0)).sum();
                        exact += agent.capacity() * (load > 0 ? loads.getOrDefault(queue, 0.0) / load
                                : 1.0 / agent.queues().size());
                    }
                }
                assertThat((double) slots.get(queue)).isBetween(Math.floor(exact - 1e-9), Math.ceil(exact + 1e-9));
            }
        }
    }
}
