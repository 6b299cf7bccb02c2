package io.chatpulse.streamjobs.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.chatpulse.queuemath.ErlangA;
import io.chatpulse.queuemath.ErlangC;
import io.chatpulse.streamjobs.alert.AlertRules;
import org.junit.jupiter.api.Test;

/** The forecast from what the monitor measured: the inputs of metrics.md, the formulas of queue-math. */
class ForecasterTest {

    private static final long T0 = 1_790_000_000_000L;
    private static final long MINUTE = 60_000L;
    private static final ForecastSettings DEFAULTS = AlertRules.defaults().forecast("acme", "billing");

    /**
     * Steady arrivals for two hours, eight times the 15-minute window: the weighted rate is the rate.
     * Early on the rate is not read as low for lack of history.
     */
    @Test
    void theArrivalRateIsExponentiallyWeightedOverTheWindow() {
        QueueTraffic traffic = new QueueTraffic();
        for (long t = T0; t < T0 + 120 * MINUTE; t += 18_000) {
            traffic.arrival(t, DEFAULTS.arrivalWindowMs());
            if (t == T0 + 5 * MINUTE) {
                assertThat(traffic.arrivalRate(t, DEFAULTS.arrivalWindowMs())).isCloseTo(1 / 18.0, within(0.15 / 18));
            }
        }
        assertThat(traffic.arrivalRate(T0 + 120 * MINUTE, DEFAULTS.arrivalWindowMs()) * 3600)
                .isCloseTo(200, within(2.0));
        // Fifteen quiet minutes later: e^-1 of it.
        assertThat(traffic.arrivalRate(T0 + 135 * MINUTE, DEFAULTS.arrivalWindowMs()) * 3600)
                .isCloseTo(200 * Math.exp(-1), within(2.0));
    }

    /**
     * The worked example's queue (metrics.md) through the live path: 100 arrivals per 30 minutes
     * (steady for two hours), 20 handle times of 180 s, one slot per agent, 80% in 20 s. The measured
     * rate is within 1% of the example's, which sits on the edge between 13 and 14 agents, so the
     * advice is checked against Erlang C on the measured traffic (queue-math checks the 14).
     */
    @Test
    void theWorkedExampleThroughTheLivePath() {
        ForecastSettings settings = AlertRules.parse("queue_forecast.service-level-time=20s").forecast("acme", "billing");
        QueueTraffic traffic = steady(T0, 18_000, 20, 180_000, 0);
        long at = T0 + 120 * MINUTE;
        QueueForecast forecast = Forecaster.forecast(settings, 120_000, traffic,
                new Forecaster.QueueNow(at, 13, 13, 0, 0));

        assertThat(forecast.model()).isEqualTo(QueueForecast.ERLANG_C);
        assertThat(forecast.handleTimeS()).isEqualTo(180.0);
        double offered = forecast.arrivalsPerHour() / 3600 * 180;
        assertThat(offered).isCloseTo(10, within(0.1));
        assertThat(forecast.serviceLevel()).isEqualTo(ErlangC.serviceLevel(13, offered, 180, 20));
        assertThat(forecast.waitOverThresholdProbability()).isEqualTo(ErlangC.probabilityWaitOver(13, offered, 180, 120));
        assertThat(forecast.agentsNeeded()).isEqualTo(ErlangC.serversNeeded(offered, 180, 0.8, 20)).isBetween(13, 14);
        assertThat(forecast.patienceS()).isZero();
    }

    /** Chat slots: agents of capacity 3 hold 3 conversations each; agents needed is slots needed / 3, rounded up. */
    @Test
    void agentsNeededCountsChatSlotsAtTheAgentsMeanCapacity() {
        QueueTraffic traffic = steady(T0, 18_000, 20, 540_000, 0);
        long at = T0 + 120 * MINUTE;
        QueueForecast forecast = Forecaster.forecast(DEFAULTS, 120_000, traffic,
                new Forecaster.QueueNow(at, 12, 4, 0, 0));

        double lambda = forecast.arrivalsPerHour() / 3600;
        int slotsNeeded = ErlangC.serversNeeded(lambda * 540, 540, 0.8, 30);
        assertThat(forecast.slots()).isEqualTo(12);
        assertThat(forecast.agentsNeeded()).isEqualTo((int) Math.ceil(slotsNeeded / 3.0));
        assertThat(forecast.waitProbability()).isEqualTo(ErlangC.probabilityOfWaiting(12, lambda * 540));
    }

    /** Fewer than 20 handle times: the configured default; no agent online: the default capacity. */
    @Test
    void defaultsUntilThereIsEnoughToMeasure() {
        QueueTraffic traffic = steady(T0, 60_000, 19, 60_000, 0);
        QueueForecast forecast = Forecaster.forecast(DEFAULTS, 120_000, traffic,
                new Forecaster.QueueNow(T0 + 120 * MINUTE, 0, 0, 2, T0 + 119 * MINUTE));

        assertThat(forecast.handleTimes()).isEqualTo(19);
        assertThat(forecast.handleTimeS()).isEqualTo(300.0);
        assertThat(forecast.unbounded()).isTrue();
        assertThat(forecast.waitProbability()).isEqualTo(1.0);
        assertThat(forecast.averageSpeedOfAnswerS()).isInfinite();
        assertThat(forecast.oldestAnswerExpectedAt()).as("nobody to answer").isZero();
        double lambda = forecast.arrivalsPerHour() / 3600;
        assertThat(forecast.agentsNeeded())
                .isEqualTo((int) Math.ceil(ErlangC.serversNeeded(lambda * 300, 300, 0.8, 30) / 5.0));
    }

    /**
     * With abandons the patience is the waited time of every ended wait over the abandons (the
     * answered are censored patiences, decision 20) and the model is Erlang A; an overload Erlang C
     * calls unbounded has a finite forecast.
     */
    @Test
    void abandonsGivePatienceAndErlangA() {
        QueueTraffic traffic = steady(T0, 12_000, 30, 180_000, 0);
        long at = T0 + 120 * MINUTE;
        for (int i = 0; i < 10; i++) {
            traffic.waitEnded(at - 1_000, 60_000, true, DEFAULTS.handleTimeWindowMs());
            traffic.waitEnded(at - 1_000, 30_000, false, DEFAULTS.handleTimeWindowMs());
        }
        QueueForecast forecast = Forecaster.forecast(DEFAULTS, 120_000, traffic,
                new Forecaster.QueueNow(at, 12, 12, 3, at - 50_000));

        assertThat(forecast.model()).isEqualTo(QueueForecast.ERLANG_A);
        assertThat(forecast.patienceS()).isCloseTo(90.0, within(1e-9));
        double lambda = forecast.arrivalsPerHour() / 3600;
        assertThat(lambda * 180).as("offered load over the 12 slots").isGreaterThan(12);
        ErlangA queue = ErlangA.of(12, lambda, 180, 90);
        assertThat(forecast.unbounded()).isFalse();
        assertThat(forecast.serviceLevel()).isEqualTo(queue.serviceLevel(30));
        assertThat(forecast.waitOverThresholdProbability()).isEqualTo(queue.probabilityWaitOver(120));
        assertThat(forecast.averageSpeedOfAnswerS()).isEqualTo(queue.averageSpeedOfAnswer());
        assertThat(forecast.agentsNeeded()).isEqualTo(ErlangA.serversNeeded(lambda, 180, 90, 0.8, 30));
        assertThat(forecast.oldestAnswerExpectedAt()).isEqualTo(at + Math.round(queue.expectedTimeToAnswer(1) * 1000));
    }

    /**
     * What the warning proposes: the fewest agents with whom the forecast is back under the threshold
     * (one agent fewer is not), at the agents' capacity.
     */
    @Test
    void agentsToStayUnderAreTheFewestThatBringTheForecastUnder() {
        QueueTraffic traffic = steady(T0, 12_000, 30, 300_000, 0);
        long at = T0 + 120 * MINUTE;
        QueueForecast forecast = Forecaster.forecast(DEFAULTS, 120_000, traffic, new Forecaster.QueueNow(at, 20, 10, 4, at));
        assertThat(forecast.unbounded()).as("25 Erlangs on 20 slots").isTrue();

        int agents = Forecaster.agentsToStayUnder(forecast, 120_000, 0.5);
        double lambda = forecast.arrivalsPerHour() / 3600;
        assertThat(breachedWith(2 * agents, lambda)).isFalse();
        assertThat(breachedWith(2 * (agents - 1), lambda)).isTrue();
    }

    @Test
    void durationsReadAsASupervisorSaysThem() {
        assertThat(DurationWords.of(190_000)).isEqualTo("3m10s");
        assertThat(DurationWords.of(120_000)).isEqualTo("2 min");
        assertThat(DurationWords.of(45_400)).isEqualTo("45s");
        assertThat(DurationWords.of(3_900_000)).isEqualTo("1h5m");
    }

    private static boolean breachedWith(int slots, double lambda) {
        double offered = lambda * 300;
        return io.chatpulse.streamjobs.alert.QueueWaitForecastRule.breached(120_000, 0.5, lambda * 3600, slots <= offered,
                ErlangC.probabilityWaitOver(slots, offered, 300, 120), ErlangC.averageSpeedOfAnswer(slots, offered, 300));
    }

    /** Arrivals every {@code everyMs} for two hours; {@code handles} handle times of {@code handleMs} in the last hour. */
    private static QueueTraffic steady(long from, long everyMs, int handles, long handleMs, int abandons) {
        QueueTraffic traffic = new QueueTraffic();
        for (long t = from; t < from + 120 * MINUTE; t += everyMs) {
            traffic.arrival(t, DEFAULTS.arrivalWindowMs());
        }
        for (int i = 0; i < handles; i++) {
            traffic.handled(from + 119 * MINUTE, handleMs, DEFAULTS.handleTimeWindowMs());
        }
        for (int i = 0; i < abandons; i++) {
            traffic.waitEnded(from + 119 * MINUTE, 60_000, true, DEFAULTS.handleTimeWindowMs());
        }
        return traffic;
    }
}
