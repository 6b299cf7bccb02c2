package io.chatpulse.alerting.incident;

/** What the timer does with one incident at one tick. */
public enum PageDecision {
    /** Nothing due: resolved, acknowledged, in its group wait, or repeat not due yet. */
    WAIT,
    /** Due but an active silence matches it. */
    SILENCED,
    /** Due but a pipeline_stalled incident of the same tenant fires. */
    INHIBITED,
    /** The first page of the incident. */
    PAGE,
    /** Paged before, still firing, not acknowledged, and the repeat interval has passed. */
    REPEAT;

    public boolean sends() {
        return this == PAGE || this == REPEAT;
    }
}
