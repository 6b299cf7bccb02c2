package io.chatpulse.metrics.live;

import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which queues the wallboard shows, in which order. A supervisor looks for the customer waiting
 * longest: the most urgent queue comes first (oldest wait, then most waiting, then by id). Queues
 * that only the history knows (an import brings every queue ever used, most idle for years) are
 * left out: shown are the configured ones and those active today.
 */
final class WallboardQueues {

    static final Comparator<LiveQueues.Queue> MOST_URGENT_FIRST =
            Comparator.comparingDouble(LiveQueues.Queue::oldestWaitSeconds).reversed()
                    .thenComparing(Comparator.comparingLong(LiveQueues.Queue::queueLength).reversed())
                    .thenComparing(LiveQueues.Queue::queueId);

    private WallboardQueues() {
    }

    /** Active today: someone waits now, an alert is open, or a customer was answered or gave up today. */
    static boolean activeToday(LiveQueues.Queue queue) {
        LiveQueues.ServiceLevel today = queue.serviceLevelToday();
        return queue.queueLength() > 0 || queue.openAlerts() > 0 || today.answered() + today.abandoned() > 0;
    }

    /** The configured queues and those active today, most urgent first. */
    static List<LiveQueues.Queue> shown(List<LiveQueues.Queue> queues, Set<String> configured) {
        return queues.stream().filter(q -> configured.contains(q.queueId()) || activeToday(q))
                .sorted(MOST_URGENT_FIRST).toList();
    }

    static List<LiveQueues.Queue> all(List<LiveQueues.Queue> queues) {
        return queues.stream().sorted(MOST_URGENT_FIRST).toList();
    }
}
