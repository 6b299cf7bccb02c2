package io.chatpulse.streamjobs.alert;

import java.util.Locale;
import java.util.function.LongBinaryOperator;

/**
 * topic_spike (docs/kpi-topics.md), free of Flink: the customer messages naming a topic in the last
 * {@code windowMs} exceed the same window of the day on past days by a z-score over {@code z}: the
 * arithmetic of {@link VolumeSpikeRule} (at least {@code minDays} days of the topic's history, a
 * spread of at least the Poisson spread, at least {@code minCount} messages) on a topic's count over
 * the tenant's queues. Its scope is {@code topic:<name>}.
 */
public final class TopicSpikeRule {

    private TopicSpikeRule() {
    }

    /**
     * @param at       the end of the window (exclusive), a minute boundary
     * @param since    since when the topic has been counted: no baseline day before it
     * @param messages customer messages naming the topic in [from, to)
     */
    public static VolumeSpikeRule.Evaluation evaluate(VolumeSpikeRule.Settings rule, AlertRuleState state, long at,
                                                      long since, LongBinaryOperator messages) {
        return VolumeSpikeRule.evaluate(rule, state, at, since, messages);
    }

    public static String scope(String topic) {
        return "topic:" + topic;
    }

    /** The alert of a change: value the messages of the window, threshold the count that breaches. */
    public static AlertRecord alert(String tenant, String topic, VolumeSpikeRule.Settings rule, AlertChange change,
                                    VolumeSpikeRule.Evaluation evaluation, String dashboardUrl, boolean replay) {
        String figures = String.format(Locale.ROOT, "%d customer messages in the last %s, baseline %.1f (z %.1f)",
                evaluation.arrivals(), minutes(rule.windowMs()), evaluation.mean(), evaluation.zScore());
        String summary = change.kind() == AlertChange.Kind.FIRING
                ? "Topic " + topic + ": spike, " + figures
                : "Topic " + topic + ": back to normal for " + minutes(rule.clearAfterMs()) + ", " + figures;
        return new AlertRecord(tenant, AlertRules.TOPIC_SPIKE, scope(topic), change.kind(), change.at(),
                change.startedAt(), evaluation.arrivals(), Math.ceil(evaluation.breachAt()), summary, dashboardUrl,
                replay);
    }

    private static String minutes(long ms) {
        return ms % 60_000 == 0 ? ms / 60_000 + " min" : ms / 1000 + " s";
    }
}
