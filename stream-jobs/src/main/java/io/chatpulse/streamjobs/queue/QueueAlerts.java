package io.chatpulse.streamjobs.queue;

import io.chatpulse.streamjobs.alert.AlertChange;
import io.chatpulse.streamjobs.alert.AlertRecord;
import io.chatpulse.streamjobs.alert.AlertRules;
import io.chatpulse.streamjobs.alert.CsatDropRule;
import io.chatpulse.streamjobs.alert.FrtSpikeRule;
import io.chatpulse.streamjobs.alert.QueueWaitForecastRule;
import io.chatpulse.streamjobs.alert.QueueWaitRule;
import io.chatpulse.streamjobs.alert.VolumeSpikeRule;
import io.chatpulse.streamjobs.forecast.DurationWords;
import io.chatpulse.streamjobs.forecast.Forecaster;
import io.chatpulse.streamjobs.forecast.QueueForecast;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The alert records of a queue's rules, with the words a supervisor reads and a link to the
 * queue on the supervisor dashboard; the monitor decides when a rule changes and whether it is a
 * replay.
 */
final class QueueAlerts {

    private final String dashboardUrl;

    /** @param dashboardUrl the supervisor dashboard; tenant and queue are added as {@code var-} parameters */
    QueueAlerts(String dashboardUrl) {
        this.dashboardUrl = dashboardUrl;
    }

    AlertRecord csatDrop(String tenant, String queueId, CsatDropRule.Settings rule,
                         AlertChange change, CsatDropRule.Evaluation evaluation, boolean replay) {
        String figures = String.format(java.util.Locale.ROOT, "negative rate %.0f %% of %d ratings in the last %s,"
                        + " baseline %.0f %% (z %.1f)", evaluation.rate() * 100, evaluation.ratings(),
                seconds(rule.windowMs()), evaluation.baselineRate() * 100, evaluation.zScore());
        String summary = change.kind() == AlertChange.Kind.FIRING
                ? "Queue " + queueId + ": CSAT drop, " + figures
                : "Queue " + queueId + ": CSAT back to normal for " + seconds(rule.clearAfterMs());
        return new AlertRecord(tenant, AlertRules.CSAT_DROP, "queue:" + queueId, change.kind(), change.at(),
                change.startedAt(), evaluation.rate(), evaluation.breachAt(), summary, dashboard(tenant, queueId),
                replay);
    }

    AlertRecord frtSpike(String tenant, String queueId, FrtSpikeRule.Settings rule,
                         AlertChange change, FrtSpikeRule.Evaluation evaluation, boolean replay) {
        String figures = String.format(java.util.Locale.ROOT, "p90 first response %.0f s over %d responses in the"
                        + " last %s, baseline p90 %.0f s", evaluation.p90Ms() / 1000, evaluation.responses(),
                seconds(rule.windowMs()), evaluation.baselineP90Ms() / 1000);
        String summary = change.kind() == AlertChange.Kind.FIRING
                ? "Queue " + queueId + ": first responses slow, " + figures
                : "Queue " + queueId + ": first responses back to normal for " + seconds(rule.clearAfterMs());
        return new AlertRecord(tenant, AlertRules.FRT_SPIKE, "queue:" + queueId, change.kind(), change.at(),
                change.startedAt(), evaluation.p90Ms() / 1000.0, rule.factor() * evaluation.baselineP90Ms() / 1000.0,
                summary, dashboard(tenant, queueId), replay);
    }

    AlertRecord volumeSpike(String tenant, String queueId, VolumeSpikeRule.Settings rule,
                            AlertChange change, VolumeSpikeRule.Evaluation evaluation, boolean replay) {
        String window = seconds(rule.windowMs());
        String figures = evaluation.arrivals() + " arrivals in the last " + window + ", baseline "
                + String.format(java.util.Locale.ROOT, "%.1f (z %.1f)", evaluation.mean(), evaluation.zScore());
        String summary = change.kind() == AlertChange.Kind.FIRING
                ? "Queue " + queueId + ": volume spike, " + figures
                : "Queue " + queueId + ": volume back to normal for " + seconds(rule.clearAfterMs()) + ", " + figures;
        return new AlertRecord(tenant, AlertRules.VOLUME_SPIKE, "queue:" + queueId, change.kind(), change.at(),
                change.startedAt(), evaluation.arrivals(), Math.ceil(evaluation.breachAt()), summary,
                dashboard(tenant, queueId), replay);
    }

    AlertRecord queueWait(String tenant, String queueId, QueueWaitRule.Settings rule,
                          AlertChange change, long oldestWaitMs, boolean replay) {
        String threshold = seconds(rule.thresholdMs());
        String summary = change.kind() == AlertChange.Kind.FIRING
                ? "Queue " + queueId + ": a customer has waited " + seconds(oldestWaitMs) + " for an agent (threshold "
                        + threshold + ")"
                : "Queue " + queueId + ": no customer has waited over " + threshold + " for "
                        + seconds(rule.clearAfterMs()) + " (oldest wait now " + seconds(oldestWaitMs) + ")";
        return new AlertRecord(tenant, AlertRules.QUEUE_WAIT, "queue:" + queueId, change.kind(), change.at(),
                change.startedAt(), oldestWaitMs / 1000.0, rule.thresholdMs() / 1000.0, summary,
                dashboard(tenant, queueId), replay);
    }

    /** "expected wait 3m10s; 2 more agents would keep it under 2 min". */
    AlertRecord queueWaitForecast(String tenant, String queueId, QueueWaitForecastRule.Settings rule,
                                  AlertChange change, QueueForecast forecast, boolean replay) {
        String threshold = DurationWords.of(rule.thresholdMs());
        String expected = forecast.unbounded()
                ? String.format(java.util.Locale.ROOT, "the queue grows without bound (%.0f arrivals/h, %d chat slots)",
                        forecast.arrivalsPerHour(), forecast.slots())
                : "expected wait " + DurationWords.of(Math.round(forecast.averageSpeedOfAnswerS() * 1000))
                        + String.format(java.util.Locale.ROOT, ", %.0f%% still waiting at %s",
                                forecast.waitOverThresholdProbability() * 100, threshold);
        String summary;
        if (change.kind() == AlertChange.Kind.FIRING) {
            int more = Forecaster.agentsToStayUnder(forecast, rule.thresholdMs(), rule.level())
                    - (int) Math.ceil(forecast.slots() / forecast.agentCapacity());
            summary = "Queue " + queueId + ": " + expected + "; " + more + " more agent" + (more == 1 ? "" : "s")
                    + " would keep it under " + threshold;
        } else {
            summary = "Queue " + queueId + ": the forecast has been back under " + threshold + " for "
                    + DurationWords.of(rule.clearAfterMs()) + " (" + expected + ")";
        }
        return new AlertRecord(tenant, AlertRules.QUEUE_WAIT_FORECAST, "queue:" + queueId, change.kind(), change.at(),
                change.startedAt(), forecast.waitOverThresholdProbability(), rule.level(), summary,
                dashboard(tenant, queueId), replay);
    }

    private String dashboard(String tenant, String queueId) {
        return dashboardUrl + (dashboardUrl.contains("?") ? "&" : "?") + "var-tenant=" + encode(tenant)
                + "&var-queue=" + encode(queueId);
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
