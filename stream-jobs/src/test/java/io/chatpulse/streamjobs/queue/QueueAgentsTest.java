package io.chatpulse.streamjobs.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each queue's agents online and available and its slots, in one pass over the agents. */
class QueueAgentsTest {

    @Test
    void countsPersonsInEveryQueueTheyServeAndSplitsTheirSlots() {
        Map<String, AgentPresence> agents = Map.of(
                "anna", presence(true, 2, "billing"),
                "ben", presence(true, 2),                        // no skills: every queue
                "cleo", presence(true, 3, "sales", "sales", "gone"), // a skill twice, one of no known queue
                "dan", presence(false, 5, "billing"));           // away: not counted
        Map<String, Integer> held = Map.of("anna", 2, "cleo", 1);

        Map<String, QueueAgents.Counts> counts = QueueAgents.of(agents, held, List.of("billing", "sales"),
                Map.of("billing", 3.0, "sales", 1.0));

        // ben's 2 slots: 3/4 to billing, 1/4 to sales (1.5 and 0.5, the tie to billing by name).
        assertThat(counts).isEqualTo(Map.of(
                "billing", new QueueAgents.Counts(2, 1, 4),
                "sales", new QueueAgents.Counts(2, 2, 3)));
    }

    @Test
    void aQueueNobodyServesHasNone() {
        assertThat(QueueAgents.of(Map.of("anna", presence(true, 2, "billing")), Map.of(), List.of("billing", "tech"),
                Map.of())).containsEntry("tech", new QueueAgents.Counts(0, 0, 0))
                .containsEntry("billing", new QueueAgents.Counts(1, 1, 2));
    }

    private static AgentPresence presence(boolean online, int capacity, String... skills) {
        AgentPresence p = new AgentPresence();
        p.online = online;
        p.capacity = capacity;
        p.skills = skills;
        return p;
    }
}
