package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AgentPoolTest {

    @Test
    void workGoesToTheLeastLoadedAgentAndWaitsWhenEveryoneIsFull() {
        AgentPool<String> pool = new AgentPool<>(List.of("a", "b"), 2);

        assertThat(pool.offer("c1")).containsExactly(new AgentPool.Match<>("c1", "a"));
        assertThat(pool.offer("c2")).containsExactly(new AgentPool.Match<>("c2", "b"));
        pool.offer("c3");
        pool.offer("c4");
        assertThat(pool.offer("c5")).isEmpty();
        assertThat(pool.busy()).isEqualTo(4);
        assertThat(pool.waiting()).isEqualTo(1);
    }

    @Test
    void aFreedDeskServesTheLongestWaitingFirst() {
        AgentPool<String> pool = new AgentPool<>(List.of("a"), 1);
        pool.offer("c1");
        pool.offer("c2");
        pool.offer("c3");

        assertThat(pool.release("a")).containsExactly(new AgentPool.Match<>("c2", "a"));
    }

    @Test
    void aCustomerWhoLeftIsNotServed() {
        AgentPool<String> pool = new AgentPool<>(List.of("a"), 1);
        pool.offer("c1");
        pool.offer("c2");

        assertThat(pool.withdraw("c2")).isTrue();
        assertThat(pool.withdraw("c1")).as("already with an agent").isFalse();
        assertThat(pool.release("a")).isEmpty();
    }
}
