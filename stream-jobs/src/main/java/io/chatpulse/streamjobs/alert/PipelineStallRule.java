package io.chatpulse.streamjobs.alert;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * pipeline_stalled (metrics.md), free of Flink: the analytics of a tenant have not advanced for
 * {@code stallAfterMs} while its events are flowing. "Flowing": the monitor read one of the tenant's
 * messages within the last {@code stallAfterMs}. "Not advanced": the newest message the KPI job has
 * stored in ClickHouse is older than the newest one read, and has not moved for {@code stallAfterMs}
 * of the watchdog's clock. Resolves as soon as the stored figures move again (or nothing flows).
 *
 * <p>This is a processing-time rule on purpose: a stall is about now, not about event time. It is
 * evaluated outside the KPI job (in the monitor job, reading ClickHouse like every reader does), so a
 * stalled KPI job, a stalled sink or an unreachable ClickHouse are all seen the same way.
 */
public final class PipelineStallRule {

    public record Evaluation(Optional<AlertChange> change, long stalledForMs) {
    }

    private PipelineStallRule() {
    }

    public static void seen(PipelineProgress progress, long eventTime, long now) {
        progress.newestSeen = Math.max(progress.newestSeen, eventTime);
        progress.lastArrivalAt = now;
    }

    /**
     * @param storedMax the newest stored message of the tenant; empty when ClickHouse could not be read
     *                  or holds none (neither counts as progress)
     */
    public static Evaluation check(PipelineProgress progress, long now, OptionalLong storedMax, long stallAfterMs) {
        if (storedMax.isPresent() && storedMax.getAsLong() > progress.storedMax) {
            progress.storedMax = storedMax.getAsLong();
            progress.storedAdvancedAt = now;
        }
        if (progress.storedAdvancedAt == Long.MIN_VALUE) {
            progress.storedAdvancedAt = now;
        }
        boolean flowing = progress.lastArrivalAt != Long.MIN_VALUE && now - progress.lastArrivalAt <= stallAfterMs;
        boolean behind = progress.newestSeen > progress.storedMax;
        long stalledFor = now - progress.storedAdvancedAt;
        boolean breached = flowing && behind && stalledFor >= stallAfterMs;
        return new Evaluation(new Hysteresis(0).observe(progress.alert, now, breached), stalledFor);
    }
}
