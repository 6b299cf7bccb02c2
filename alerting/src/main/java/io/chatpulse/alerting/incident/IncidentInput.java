package io.chatpulse.alerting.incident;

import io.chatpulse.events.AlertCommand;
import io.chatpulse.events.AlertEvent;

/** What the lifecycle processor reads, in one stream so both share its stores in one task. */
sealed interface IncidentInput {

    record Alert(AlertEvent event) implements IncidentInput {
    }

    record Command(AlertCommand command) implements IncidentInput {
    }
}
