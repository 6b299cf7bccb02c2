package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.forecast.QueueForecast;

/**
 * The live state of one queue at event time {@code asOf}, with its forecast and staffing advice: a row
 * of {@code queue_live_state} and {@code queue_live_history}. {@code oldestQueuedAt} is 0 when nobody
 * waits.
 */
public record QueueSnapshot(
        String tenantId,
        String queueId,
        long asOf,
        int queueLength,
        long oldestWaitMs,
        long oldestQueuedAt,
        int agentsOnline,
        int agentsAvailable,
        int agentsBusy,
        QueueForecast forecast) {

    public QueueSnapshot withForecast(QueueForecast forecast) {
        return new QueueSnapshot(tenantId, queueId, asOf, queueLength, oldestWaitMs, oldestQueuedAt, agentsOnline,
                agentsAvailable, agentsBusy, forecast);
    }
}
