package io.chatpulse.alerting.incident;

public enum IncidentStatus {
    FIRING, RESOLVED
}
