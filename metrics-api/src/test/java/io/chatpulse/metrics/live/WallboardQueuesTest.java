package io.chatpulse.metrics.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WallboardQueuesTest {

    private static LiveQueues.Queue queue(String id, long waiting, double oldestWait, long openAlerts,
                                          long answeredToday, long abandonedToday) {
        return new LiveQueues.Queue(id, "2026-12-07T12:00:00Z", false, waiting, oldestWait, null,
                new LiveQueues.Agents(0, 0, 0), new LiveQueues.ServiceLevel("UTC", "2026-12-07T00:00:00Z",
                "2026-12-07T12:00:00Z", 30, answeredToday, answeredToday, abandonedToday, null), openAlerts, null);
    }

    @Test
    void mostUrgentFirstByOldestWaitThenWaitingThenId() {
        List<LiveQueues.Queue> queues = List.of(queue("a-quiet", 0, 0, 0, 5, 0), queue("b-many", 29, 40, 0, 0, 0),
                queue("c-longest", 3, 150, 0, 0, 0), queue("d-few", 19, 40, 0, 0, 0), queue("e-quiet", 0, 0, 0, 1, 0));

        assertThat(WallboardQueues.shown(queues, Set.of())).extracting(LiveQueues.Queue::queueId)
                .containsExactly("c-longest", "b-many", "d-few", "a-quiet", "e-quiet");
    }

    @Test
    void idleHistoryQueuesAreLeftOutConfiguredOnesKept() {
        List<LiveQueues.Queue> queues = List.of(queue("history-2019", 0, 0, 0, 0, 0), queue("configured", 0, 0, 0, 0, 0),
                queue("waiting", 1, 3, 0, 0, 0), queue("alerted", 0, 0, 1, 0, 0), queue("answered", 0, 0, 0, 1, 0),
                queue("abandoned", 0, 0, 0, 0, 1));

        assertThat(WallboardQueues.shown(queues, Set.of("configured"))).extracting(LiveQueues.Queue::queueId)
                .containsExactly("waiting", "abandoned", "alerted", "answered", "configured");
        assertThat(WallboardQueues.all(queues)).hasSize(6);
    }
}
