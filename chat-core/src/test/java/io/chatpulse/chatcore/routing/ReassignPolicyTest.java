package io.chatpulse.chatcore.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.chatcore.agent.Agent;
import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationLifecycle;
import io.chatpulse.chatcore.conversation.MessageContent;
import io.chatpulse.events.AgentStatus;
import io.chatpulse.events.Channel;
import io.chatpulse.events.SenderKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReassignPolicyTest {

    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration AFTER = Duration.ofMinutes(2);

    final ConversationLifecycle lifecycle = new ConversationLifecycle();

    Conversation assigned(String id, String agent, Instant at) {
        Conversation queued = lifecycle.open(id, "acme", "cust", Channel.WEB, "support", T0).next();
        return lifecycle.assign(queued, agent, at).next();
    }

    Conversation customerWrites(Conversation c, Instant at) {
        return lifecycle.postMessage(c, "m", SenderKind.CUSTOMER, null, MessageContent.text("hello?"), at).next();
    }

    static Agent online(String id) {
        return new Agent(id, "acme", AgentStatus.ONLINE, 5, List.of());
    }

    @Test
    void overdueOnlyWhenACustomerMessageWaitedTheFullTime() {
        Conversation asked = customerWrites(assigned("c", "a-1", T0), T0.plusSeconds(10));

        assertThat(ReassignPolicy.isOverdue(assigned("c", "a-1", T0), T0.plus(Duration.ofHours(1)), AFTER))
                .as("nothing to answer").isFalse();
        assertThat(ReassignPolicy.isOverdue(asked, T0.plusSeconds(129), AFTER)).isFalse();
        assertThat(ReassignPolicy.isOverdue(asked, T0.plusSeconds(130), AFTER)).isTrue();
    }

    @Test
    void anAgentReplyStopsTheClockAndANewAgentGetsTheFullTime() {
        Conversation asked = customerWrites(assigned("c", "a-1", T0), T0);
        Conversation answered = lifecycle.postMessage(asked, "m2", SenderKind.AGENT, "a-1",
                MessageContent.text("here"), T0.plusSeconds(60)).next();
        Conversation handedOver = lifecycle.transferToAgent(asked, "a-2", T0.plusSeconds(100)).next();

        assertThat(ReassignPolicy.isOverdue(answered, T0.plus(Duration.ofHours(1)), AFTER)).isFalse();
        assertThat(ReassignPolicy.isOverdue(handedOver, T0.plusSeconds(200), AFTER)).isFalse();
        assertThat(ReassignPolicy.isOverdue(handedOver, T0.plusSeconds(220), AFTER)).isTrue();
    }

    @Test
    void overdueConversationsGoToAnotherFreeAgentLongestWaitingFirst() {
        Conversation older = customerWrites(assigned("older", "a-1", T0), T0);
        Conversation newer = customerWrites(assigned("newer", "a-1", T0), T0.plusSeconds(5));
        Conversation fresh = customerWrites(assigned("fresh", "a-1", T0), T0.plusSeconds(100));
        Agent other = new Agent("a-2", "acme", AgentStatus.ONLINE, 1, List.of());

        List<Router.Assignment> moves = ReassignPolicy.plan(List.of(newer, fresh, older),
                List.of(online("a-1"), other), Map.of("a-1", 3), q -> List.of(), T0.plusSeconds(150), AFTER);

        assertThat(moves).containsExactly(new Router.Assignment("older", "a-2"));
    }

    @Test
    void withNobodyElseFreeTheConversationStays() {
        Conversation asked = customerWrites(assigned("c", "a-1", T0), T0);

        assertThat(ReassignPolicy.plan(List.of(asked), List.of(online("a-1")), Map.of("a-1", 1), q -> List.of(),
                T0.plusSeconds(600), AFTER)).isEmpty();
    }
}
