package io.chatpulse.streamjobs.alert;

/** A state change of an alert: FIRING at {@code at}, or RESOLVED at {@code at} of an incident fired at {@code startedAt}. */
public record AlertChange(Kind kind, long at, long startedAt) {

    public enum Kind {
        FIRING,
        RESOLVED
    }
}
