package io.chatpulse.metrics.drilldown;

import io.chatpulse.metrics.report.Filters;
import java.util.List;

/**
 * GET /api/v1/conversations: one page of the conversations behind a figure. {@code nextOffset}
 * is the offset of the next page, null on the last one.
 */
public record ConversationPage(String figure, String unit, String from, String to, Filters filters, Long over,
                               Long under, int limit, long offset, Long nextOffset, List<FigureRow> items) {
}
