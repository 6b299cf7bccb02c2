package io.chatpulse.metrics.drilldown;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The figures a drill-down lists the conversations of, with the unit of {@code value}: the
 * rows are exactly those counted by the report views (queue_wait: answered waits).
 */
public enum Figure {
    QUEUE_WAIT("ms"), FIRST_RESPONSE("ms"), REPLY_TIME("ms"), RESOLUTION_TIME("ms"), HANDLE_TIME("ms"), CSAT("rating");

    private final String unit;

    Figure(String unit) {
        this.unit = unit;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String unit() {
        return unit;
    }

    public static Figure parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("figure", "is required: one of " + ids());
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("figure", "must be one of " + ids() + ": '" + value + "'");
        }
    }

    static String ids() {
        return Arrays.stream(values()).map(Figure::id).collect(Collectors.joining(", "));
    }
}
