package io.chatpulse.metrics.topic;

import java.util.List;

/**
 * What customers wrote about, per weekday (1 Monday .. 7 Sunday) and hour of day (0-23) in the
 * timezone, over [from, to): per topic the customer messages naming it and their distinct
 * conversations. Only cells with messages are listed.
 */
public record HeatMap(String from, String to, String timezone, String queueId, List<Cell> cells) {

    public record Cell(int weekday, int hour, String topic, long messages, long conversations) {
    }
}
