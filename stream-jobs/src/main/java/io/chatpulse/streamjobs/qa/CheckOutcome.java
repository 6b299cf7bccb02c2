package io.chatpulse.streamjobs.qa;

import io.chatpulse.topiccatalogue.scorecard.CheckKind;
import java.util.Locale;

/**
 * One check's verdict on one ended stretch: its result, its weight, and for a failure the message
 * (or event) that failed it; otherwise, and when no message did (a survey never offered),
 * {@code eventId} is empty and {@code at} the end of the stretch.
 */
public record CheckOutcome(CheckKind kind, int weight, Result result, String eventId, long at) {

    public enum Result {
        PASS, FAIL, NOT_APPLICABLE;

        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
