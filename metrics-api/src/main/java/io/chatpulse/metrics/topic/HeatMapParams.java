package io.chatpulse.metrics.topic;

import io.swagger.v3.oas.annotations.Parameter;

/** The raw query parameters of the period heat map, bound as text so a bad one is named in the 400. */
public record HeatMapParams(
        @Parameter(description = "start of the period, inclusive, ISO-8601 instant", required = true,
                example = "2026-03-01T00:00:00Z") String from,
        @Parameter(description = "end of the period, exclusive, ISO-8601 instant; at most 400 days after from",
                required = true, example = "2026-03-08T00:00:00Z") String to,
        @Parameter(description = "IANA timezone the weekdays and hours are cut in; default UTC",
                example = "Asia/Shanghai") String timezone,
        @Parameter(description = "only this queue (the queue at the message); default all") String queueId) {
}
