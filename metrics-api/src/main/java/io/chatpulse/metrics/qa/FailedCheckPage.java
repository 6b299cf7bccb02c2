package io.chatpulse.metrics.qa;

import io.chatpulse.metrics.report.Filters;
import java.util.List;

/**
 * GET /api/v1/qa/failures: one page of the stretches that failed a check, newest end first.
 * {@code nextOffset} is the offset of the next page, null on the last one.
 */
public record FailedCheckPage(String check, String from, String to, Filters filters, int limit, long offset,
                              Long nextOffset, List<FailedCheck> items) {
}
