package io.chatpulse.metrics.live;

/**
 * An alert whose latest state is FIRING, from a live (not replay) change of alert_history.
 *
 * @param queueId   the queue of a {@code queue:<id>} scope, null for other scopes
 * @param startedAt when the incident began firing, ISO-8601 UTC
 * @param firingAt  event time of the latest FIRING change
 */
public record OpenAlert(String rule, String scope, String queueId, String startedAt, String firingAt, double value,
                        double threshold, String summary, String dashboardUrl) {
}
