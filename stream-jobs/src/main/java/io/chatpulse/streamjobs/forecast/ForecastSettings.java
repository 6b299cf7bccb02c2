package io.chatpulse.streamjobs.forecast;

import java.io.Serializable;

/**
 * The forecast settings of a queue (AlertRules, {@code queue_forecast.*}, per tenant and queue like
 * the alert rules).
 *
 * @param serviceLevelTarget  the share to answer within {@code serviceLevelTimeMs}, 0 &lt; target &lt; 1 (default 0.8)
 * @param serviceLevelTimeMs  T of the service level (default 30 s)
 * @param arrivalWindowMs     time constant of the exponentially weighted arrival rate (default 15 min)
 * @param handleTimeWindowMs  the handle times and ended waits the means are taken over (default 1 h)
 * @param defaultHandleTimeMs the handle time used until {@code minHandleTimes} exist (default 5 min)
 * @param minHandleTimes      handle times needed before their mean is used (default 20)
 * @param minAbandons         abandons needed before patience is estimated and Erlang A used (default 5)
 * @param defaultCapacity     chats per agent when no agent serving the queue is online (default 5)
 */
public record ForecastSettings(double serviceLevelTarget, long serviceLevelTimeMs, long arrivalWindowMs,
                               long handleTimeWindowMs, long defaultHandleTimeMs, int minHandleTimes, int minAbandons,
                               int defaultCapacity) implements Serializable {
}
