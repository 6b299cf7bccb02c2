package io.chatpulse.metrics.drilldown;

import io.chatpulse.metrics.problem.InvalidParameterException;

/** The {@code limit} and {@code offset} of a paged list, checked and named in a 400 when wrong. */
public record Paging(int limit, long offset) {

    private static final int MAX_LIMIT = 1000;
    private static final long MAX_OFFSET = 1_000_000;

    public static Paging parse(String limit, String offset) {
        return new Paging((int) number("limit", limit, 100, 1, MAX_LIMIT), number("offset", offset, 0, 0, MAX_OFFSET));
    }

    /** The offset of the next page when {@code fetched} rows came back for a request of {@code limit + 1}; else null. */
    public Long nextOffset(int fetched) {
        return fetched > limit ? offset + limit : null;
    }

    private static long number(String parameter, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.strip());
            if (number < min || number > max) {
                throw new InvalidParameterException(parameter, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, "is not a whole number: '" + value + "'");
        }
    }
}
