package io.chatpulse.alerting.channel;

import io.chatpulse.events.AlertNotification;
import java.time.Instant;

/** The human words of a notification, shared by Slack and e-mail. */
final class Texts {

    private Texts() {
    }

    /** FIRING, ACKNOWLEDGED or RESOLVED. */
    static String status(AlertNotification n) {
        return switch (n.getAction()) {
            case TRIGGER -> "FIRING";
            case ACKNOWLEDGE -> "ACKNOWLEDGED";
            case RESOLVE -> "RESOLVED";
        };
    }

    /** "[FIRING] queue_wait queue:billing (tenant demo)", with "repeat n" for a repeated page. */
    static String title(AlertNotification n) {
        String repeat = n.getSequence() > 0 && n.getAction().name().equals("TRIGGER") ? " repeat " + n.getSequence() : "";
        return "[" + status(n) + "] " + n.getRule() + " " + n.getScope() + " (tenant " + n.getTenantId() + ")" + repeat;
    }

    static String details(AlertNotification n) {
        return "value " + n.getValue() + ", threshold " + n.getThreshold()
                + ", since " + Instant.ofEpochMilli(n.getStartedAt()) + ", dedup key " + n.getDedupKey();
    }
}
