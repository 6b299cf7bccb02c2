package io.chatpulse.benchmarks.forecast;

import java.time.Instant;

/**
 * One request of alerting's webhook channel as the receiver saw it.
 *
 * @param at             when it arrived
 * @param rule           queue_wait, queue_wait_forecast, ...
 * @param scope          {@code queue:<id>} for the queue rules
 * @param action         trigger or resolve
 * @param notificationId one id per incident and action: retries and repeats share it
 * @param summary        the alert's text
 */
public record Delivery(Instant at, String rule, String scope, String action, String notificationId,
                       String summary) {

    public static final String PAGE = "queue_wait";
    public static final String WARNING = "queue_wait_forecast";

    public boolean triggers(String wantedRule, String queue) {
        return action.equals("trigger") && rule.equals(wantedRule) && scope.equals("queue:" + queue);
    }
}
