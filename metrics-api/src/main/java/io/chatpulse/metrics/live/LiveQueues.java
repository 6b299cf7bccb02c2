package io.chatpulse.metrics.live;

import java.util.List;

/**
 * The live state of a tenant's queues, as GET /api/v1/live/queues answers it and the stream pushes it.
 *
 * @param asOf                      when the answer was computed (the API's clock), ISO-8601 UTC
 * @param oldestWaitWarningSeconds  past this the wallboard shows an oldest wait in red (queue_wait rule's default)
 * @param queues                    the queues the monitor has written a row for, most urgent first (oldest wait,
 *                                  then waiting, then id); unless asked for all: only those configured or
 *                                  active today ({@link WallboardQueues})
 * @param alerts                    the tenant's open alerts, as GET /api/v1/live/alerts
 */
public record LiveQueues(String asOf, long oldestWaitWarningSeconds, List<Queue> queues, List<OpenAlert> alerts) {

    /**
     * @param stateAsOf          event time of the monitor's row the figures come from
     * @param stale              the row is older than chatpulse.live.stale-after: the monitor is behind or stopped
     * @param oldestWaitSeconds  now minus when the longest-waiting conversation was queued (keeps growing between
     *                           rows), never less than the stored figure; the stored figure when the row is
     *                           stale; 0 when nobody waits
     * @param oldestQueuedAt     when that conversation was queued, null when nobody waits
     * @param openAlerts         open alerts whose scope is this queue
     * @param forecast           the wait forecast and staffing advice of the same row; null for a row without
     */
    public record Queue(String queueId, String stateAsOf, boolean stale, long queueLength, double oldestWaitSeconds,
                        String oldestQueuedAt, Agents agents, ServiceLevel serviceLevelToday, long openAlerts,
                        Forecast forecast) {
    }

    /**
     * The monitor's forecast for a customer arriving now and its staffing advice (metrics.md, "Forecast
     * and staffing"; stream-jobs' README for each figure). Probabilities and shares are 0..1.
     *
     * @param model                        erlang_a (with a patience measured from abandons) or erlang_c
     * @param unbounded                    at these rates the queue grows without bound
     * @param patienceSeconds              null while not estimated (Erlang C)
     * @param slots                        chat slots of the agents online serving the queue (Σ capacity)
     * @param averageSpeedOfAnswerSeconds  expected wait of the answered; null when unbounded
     * @param serviceLevel                 forecast share answered within serviceLevelTimeSeconds
     * @param waitOverThresholdProbability probability that a customer arriving now still waits at the queue_wait threshold
     * @param oldestAnswerExpectedAt       when the oldest waiting customer is expected to be answered; null when none
     *                                     waits or no slot serves the queue
     */
    public record Forecast(String model, boolean unbounded, double arrivalsPerHour, double handleTimeSeconds,
                           Double patienceSeconds, long slots, double waitProbability, Double averageSpeedOfAnswerSeconds,
                           double serviceLevel, double serviceLevelTarget, double serviceLevelTimeSeconds,
                           double waitOverThresholdProbability, String oldestAnswerExpectedAt, Staffing staffing) {
    }

    /**
     * @param agentsNeeded agents (at their mean capacity) to reach the service-level target
     * @param agentsShort  agentsNeeded − agentsOnline: more agents needed when positive, spare when negative
     */
    public record Staffing(long agentsNeeded, long agentsOnline, long agentsShort) {
    }

    public record Agents(long online, long available, long busy) {
    }

    /**
     * Today's service level of the queue from the report view (report_queue_waits), so it equals
     * GET /api/v1/kpis/summary for the same queue, day and timezone.
     *
     * @param serviceLevel answered within T / (answered + abandoned), null when neither happened today
     */
    public record ServiceLevel(String timezone, String from, String to, long answerWithinSeconds, long answered,
                               long answeredWithin, long abandoned, Double serviceLevel) {
    }
}
