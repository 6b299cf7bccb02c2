package io.chatpulse.metrics.topic;

import java.util.List;

/**
 * The live heat map: the last 60 minutes up to {@code at} in twelve 5-minute cells aligned on the
 * clock (the last one still filling), per topic the customer messages naming it and their distinct
 * conversations. {@code from} is the start of the first cell; only cells with messages are listed.
 */
public record LiveHeatMap(String from, String at, String queueId, List<Cell> cells) {

    public record Cell(String start, String topic, long messages, long conversations) {
    }
}
