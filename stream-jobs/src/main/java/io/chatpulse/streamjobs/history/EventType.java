package io.chatpulse.streamjobs.history;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of the {@code type} field: the conversation lifecycle of metrics.md. */
enum EventType {
    OPENED, QUEUED, ASSIGNED, MESSAGE, TRANSFERRED, RESOLVED, REOPENED, ABANDONED, SURVEY_OFFERED, CSAT_SUBMITTED;

    static EventType of(String text) throws InvalidFieldException {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("type", "unknown type '" + text + "'; one of " + names());
        }
    }

    static String names() {
        return Arrays.stream(values()).map(type -> type.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
