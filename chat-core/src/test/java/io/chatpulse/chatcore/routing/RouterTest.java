package io.chatpulse.chatcore.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.agent.Agent;
import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationLifecycle;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final ConversationLifecycle lifecycle = new ConversationLifecycle();

    private Conversation waiting(String id, String queue) {
        return lifecycle.open(id, "acme", "cust", Channel.WEB, queue, Instant.EPOCH).next();
    }

    private static Agent agent(String id, AgentStatus status, int capacity, String... skills) {
        return new Agent(id, "acme", status, capacity, List.of(skills));
    }

    @Test
    void aSkilledAgentIsPreferredOverAGeneralist() {
        var agents = List.of(agent("generalist", AgentStatus.ONLINE, 5), agent("biller", AgentStatus.ONLINE, 5, "billing"));

        assertThat(Router.pick("billing", agents, Map.of("biller", 4))).map(Agent::id).contains("biller");
        assertThat(Router.pick("support", agents, Map.of())).map(Agent::id).contains("generalist");
    }

    @Test
    void theLeastLoadedFreeOnlineAgentIsChosen() {
        var agents = List.of(agent("busy", AgentStatus.ONLINE, 5), agent("idle", AgentStatus.ONLINE, 5),
                agent("away", AgentStatus.AWAY, 5), agent("full", AgentStatus.ONLINE, 1));

        assertThat(Router.pick("support", agents, Map.of("busy", 2, "full", 1, "idle", 1)))
                .map(Agent::id).contains("idle");
    }

    @Test
    void nobodyFreeMeansTheConversationWaits() {
        var agents = List.of(agent("full", AgentStatus.ONLINE, 2), agent("offline", AgentStatus.OFFLINE, 5),
                agent("other-queue", AgentStatus.ONLINE, 5, "billing"));

        assertThat(Router.pick("support", agents, Map.of("full", 2))).isEmpty();
    }

    @Test
    void aPlanServesFirstComeFirstAndRespectsCapacity() {
        var agents = List.of(agent("a-1", AgentStatus.ONLINE, 2));
        var queue = List.of(waiting("c-1", "support"), waiting("c-2", "support"), waiting("c-3", "support"));

        assertThat(Router.plan(queue, agents, Map.of("a-1", 1)))
                .containsExactly(new Router.Assignment("c-1", "a-1"));
    }

    @Test
    void positionsCountWithinTheSameQueue() {
        var c1 = waiting("c-1", "support");
        var c2 = waiting("c-2", "billing");
        var c3 = waiting("c-3", "support");
        var queue = List.of(c1, c2, c3);

        assertThat(Router.positionOf(c3, queue)).isEqualTo(2);
        assertThat(Router.positionOf(c2, queue)).isEqualTo(1);
    }
}
