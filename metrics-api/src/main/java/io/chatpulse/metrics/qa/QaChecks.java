package io.chatpulse.metrics.qa;

import io.chatpulse.metrics.problem.InvalidParameterException;
import java.util.List;

/** The checks a scorecard can hold, as the KPI job names them in {@code qa_checks.check_name}. */
public final class QaChecks {

    public static final List<String> NAMES = List.of("greeting", "forbidden_phrases", "closing", "reply_time",
            "transfers", "survey_offered");

    private QaChecks() {
    }

    /** The {@code check} parameter: one of {@link #NAMES}. */
    static String parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException("check", "is required: one of " + String.join(", ", NAMES));
        }
        String check = value.strip();
        if (!NAMES.contains(check)) {
            throw new InvalidParameterException("check", "must be one of " + String.join(", ", NAMES) + ": '" + value + "'");
        }
        return check;
    }
}
