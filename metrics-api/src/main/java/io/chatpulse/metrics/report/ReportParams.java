package io.chatpulse.metrics.report;

import io.swagger.v3.oas.annotations.Parameter;

/**
 * The raw query parameters every report shares, bound by name from the request (as text, so
 * a bad one is reported with its name and reason instead of a type-conversion error).
 */
public record ReportParams(
        @Parameter(description = "start of the period, inclusive, ISO-8601 instant", required = true,
                example = "2026-03-01T00:00:00Z") String from,
        @Parameter(description = "end of the period, exclusive, ISO-8601 instant; at most 400 days after from",
                required = true, example = "2026-03-08T00:00:00Z") String to,
        @Parameter(description = "IANA timezone buckets and local times are cut in; default UTC",
                example = "Europe/Berlin") String timezone,
        @Parameter(description = "only this queue; a queue with no rows gives an empty answer, not an error") String queueId,
        @Parameter(description = "only the figures credited to this agent") String agentId,
        @Parameter(description = "WEB, APP, SOCIAL, API or OTHER: the channel the conversation was opened on "
                + "(table conversation_channels; stream-jobs does not fill it yet, so this matches nothing for now)")
        String channel,
        @Parameter(description = "a topic of the tenant's catalogue: only the conversations whose contact reason "
                + "(first topic, docs/kpi-topics.md) it is; an unknown topic gives an empty answer")
        String contactReason,
        @Parameter(description = "service-level threshold T in seconds, default 30") String answerWithinSeconds,
        @Parameter(description = "abandons shorter than this many seconds are left out of the rates, default 5")
        String shortAbandonSeconds) {
}
