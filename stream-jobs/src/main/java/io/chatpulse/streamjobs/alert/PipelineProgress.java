package io.chatpulse.streamjobs.alert;

/**
 * What the pipeline watchdog knows of one tenant (a Flink POJO). Times are epoch ms; "seen" and
 * "stored" are event times, "at" fields the watchdog's processing clock.
 */
public class PipelineProgress {
    /** Newest event time of a message the monitor has read. */
    public long newestSeen = Long.MIN_VALUE;
    /** When the monitor last read one. */
    public long lastArrivalAt = Long.MIN_VALUE;
    /** Newest event time of a message the KPI job has stored in ClickHouse. */
    public long storedMax = Long.MIN_VALUE;
    /** When that last moved (or the first check). */
    public long storedAdvancedAt = Long.MIN_VALUE;
    public AlertRuleState alert = new AlertRuleState();

    public PipelineProgress() {
    }
}
