package io.chatpulse.streamjobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.ConversationOpened;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimulatedTrafficTest {

    private static List<ConversationEvent> take(int n, long seed) {
        SimulatedTraffic traffic = new SimulatedTraffic(seed, "t", 3, 1_000_000, 500);
        List<ConversationEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(traffic.next());
        }
        return events;
    }

    @Test
    void interleavesManyConversationsInEventTimeOrder() {
        List<ConversationEvent> events = take(20_000, 1);

        assertThat(events).extracting(ConversationEvent::getEventTime).isSorted();
        assertThat(events.stream().map(ConversationEvent::getEventId).collect(Collectors.toSet())).hasSize(20_000);
        assertThat(events.stream().map(ConversationEvent::getTenantId).distinct()).containsExactlyInAnyOrder("t-0", "t-1", "t-2");
        assertThat(events.stream().map(ConversationEvent::getConversationId).distinct().count()).isGreaterThan(1_000);
    }

    @Test
    void everyConversationStartsWithItsOpening() {
        Map<String, List<ConversationEvent>> byConversation = take(20_000, 2).stream()
                .collect(Collectors.groupingBy(ConversationEvent::getConversationId));

        assertThat(byConversation.values()).allSatisfy(events ->
                assertThat(events.get(0).getPayload()).isInstanceOf(ConversationOpened.class));
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        assertThat(take(1_000, 3)).isEqualTo(take(1_000, 3));
        assertThat(new HashSet<>(take(1_000, 3))).isNotEqualTo(new HashSet<>(take(1_000, 4)));
    }
}
