package io.chatpulse.metrics.report;

import io.chatpulse.metrics.queue.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The columns of the contact-reason export, in the order of the JSON report. */
final class ContactReasonTable {

    static final List<String> HEADER = List.copyOf(header());

    private ContactReasonTable() {
    }

    private static List<String> header() {
        List<String> names = new ArrayList<>(List.of("contact_reason"));
        for (String figure : List.of("first_response", "resolution_time")) {
            names.addAll(Arrays.asList(figure + "_count", figure + "_median_ms", figure + "_p90_ms",
                    figure + "_p99_ms", figure + "_mean_ms"));
        }
        names.addAll(List.of("csat_ratings", "csat", "average_rating", "negative_rate"));
        return names;
    }

    static List<Object> row(ContactReasonReport.Reason reason) {
        List<Object> cells = new ArrayList<>(List.of(reason.contactReason()));
        for (Distribution d : List.of(reason.firstResponse(), reason.resolutionTime())) {
            cells.addAll(Arrays.asList(d.count(), d.medianMs(), d.p90Ms(), d.p99Ms(), d.meanMs()));
        }
        AgentReport.Csat csat = reason.csat();
        cells.addAll(Arrays.asList(csat.ratings(), csat.csat(), csat.averageRating(), csat.negativeRate()));
        return cells;
    }
}
