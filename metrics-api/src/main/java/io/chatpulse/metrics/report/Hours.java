package io.chatpulse.metrics.report;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.util.Locale;

/**
 * Which time FRT, reply time and resolution time count (metrics.md, "Business hours"): all of it,
 * or only the time inside the business hours of the figure's queue. The other KPIs have one variant.
 */
public enum Hours {
    ALL(""),
    BUSINESS("_business");

    private final String viewSuffix;

    Hours(String viewSuffix) {
        this.viewSuffix = viewSuffix;
    }

    /** Absent: all. */
    static Hours parse(String value) {
        if (value == null || value.isBlank()) {
            return ALL;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> ALL;
            case "business" -> BUSINESS;
            default -> throw new InvalidParameterException("hours", "must be business or all: '" + value + "'");
        };
    }

    /** The report view of a time KPI: the wall-time view, or its business-hours twin. */
    String view(String wallTimeView) {
        return wallTimeView + viewSuffix;
    }
}
