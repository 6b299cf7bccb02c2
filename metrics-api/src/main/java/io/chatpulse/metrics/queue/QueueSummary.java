package io.chatpulse.metrics.queue;

import java.util.List;

/** Summary of every queue of the caller's tenant over [from, to). */
public record QueueSummary(String from, String to, List<Queue> queues) {

    public record Queue(String queueId, Distribution queueWait, Distribution firstResponse) {
    }
}
