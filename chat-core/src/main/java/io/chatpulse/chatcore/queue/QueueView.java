package io.chatpulse.chatcore.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A queue as the API shows it: its settings and what waits in it right now.
 *
 * @param oldestWaitingSince when the longest-waiting conversation entered the queue, null if none
 * @param oldestWaitSeconds its age now; grows while nothing happens
 * @param waiting the waiting conversations in order (position 1 is served next)
 */
public record QueueView(String queueId, String name, boolean configured, List<String> skills, String timezone,
        Map<String, String> businessHours, boolean openNow, int serviceLevelSeconds, int length,
        int assigned, Instant oldestWaitingSince, Long oldestWaitSeconds, List<Waiting> waiting) {

    public record Waiting(int position, String conversationId, Instant waitingSince, long waitSeconds) {
    }
}
