package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.alert.AlertRuleState;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.alert.QueueWaitForecastRule;
import io.chatpulse.streamjobs.forecast.QueueTraffic;

/** What the monitor keeps per queue between evaluations: its alerts, what the forecast measures and the last row written. A Flink POJO. */
public class QueueStatus {
    public AlertRuleState queueWait = new AlertRuleState();
    public AlertRuleState volumeSpike = new AlertRuleState();
    public AlertRuleState csatDrop = new AlertRuleState();
    public AlertRuleState frtSpike = new AlertRuleState();
    public QueueWaitForecastRule.State queueWaitForecast = new QueueWaitForecastRule.State();
    /** Event time of the queue's newest arrival, rating or first response (the minute rules look back over windows of them). */
    public long lastCountedAt = Long.MIN_VALUE;
    /** Arrivals, handle times and waits measured for the forecast. */
    public QueueTraffic traffic = new QueueTraffic();
    /** The counts of the last row written; -1 before the first. */
    public int lastLength = -1;
    public int lastOnline = -1;
    public int lastAvailable = -1;
    public int lastBusy = -1;

    public QueueStatus() {
    }

    /** The state of one of the queue's rules, by the rule's name (AlertRules). */
    AlertRuleState state(String rule) {
        return switch (rule) {
            case AlertRules.QUEUE_WAIT -> queueWait;
            case AlertRules.VOLUME_SPIKE -> volumeSpike;
            case AlertRules.CSAT_DROP -> csatDrop;
            case AlertRules.FRT_SPIKE -> frtSpike;
            case AlertRules.QUEUE_WAIT_FORECAST -> queueWaitForecast.alert;
            default -> throw new IllegalArgumentException("no rule " + rule + " on a queue");
        };
    }

    boolean sameCounts(QueueSnapshot row) {
        return lastLength == row.queueLength() && lastOnline == row.agentsOnline()
                && lastAvailable == row.agentsAvailable() && lastBusy == row.agentsBusy();
    }

    void written(QueueSnapshot row) {
        lastLength = row.queueLength();
        lastOnline = row.agentsOnline();
        lastAvailable = row.agentsAvailable();
        lastBusy = row.agentsBusy();
    }

    /** Nothing left to show or watch: the last row said all zero, no alert is open, no arrival within {@code windowMs}. */
    boolean dormant(long at, long windowMs) {
        return !queueWait.firing && !volumeSpike.firing && !csatDrop.firing && !frtSpike.firing
                && !queueWaitForecast.alert.firing && lastLength == 0 && lastOnline == 0
                && (lastCountedAt == Long.MIN_VALUE || at - lastCountedAt >= windowMs);
    }
}
