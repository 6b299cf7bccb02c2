package io.chatpulse.metrics.queue;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A validated half-open period [from, to) of a summary request. */
public record SummaryPeriod(Instant from, Instant to) {

    /** Parses and checks the raw parameters; every failure names the parameter and the reason. */
    public static SummaryPeriod parse(String from, String to, Duration maxLength) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(maxLength) > 0) {
            throw new InvalidParameterException("to", "period from..to must be at most " + maxLength.toDays() + " days");
        }
        return new SummaryPeriod(start, end);
    }

    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(parameter, "is required");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(parameter,
                    "is not an ISO-8601 instant such as 2026-01-31T00:00:00Z: '" + value + "'");
        }
    }
}
