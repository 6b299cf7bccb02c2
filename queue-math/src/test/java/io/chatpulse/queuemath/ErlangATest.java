package io.chatpulse.queuemath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangATest {

    /**
     * The same queue simulated event by event (400,000 customers, fixed seed): the model's figures
     * are within sampling error of what the simulated customers experienced. An overloaded queue
     * (110% of its servers' capacity, which only abandonment keeps finite) and a lightly loaded
     * one with patient customers.
     */
    @Test
    void matchesASimulationOfAnOverloadedQueue() {
        assertMatchesSimulation(10, 11 / 180.0, 180, 120, 1);
    }

    @Test
    void matchesASimulationOfASmallPatientQueue() {
        assertMatchesSimulation(3, 2.5 / 60, 60, 300, 2);
    }

    private static void assertMatchesSimulation(int servers, double arrivalRate, double handleTime, double patience,
                                                long seed) {
        ErlangA model = ErlangA.of(servers, arrivalRate, handleTime, patience);
        PalmQueueSimulation.Outcome simulated = PalmQueueSimulation.run(servers, arrivalRate, handleTime, patience,
                400_000, 30, 60, seed);

        assertThat(model.probabilityOfWaiting()).isCloseTo(simulated.waitedProbability(), within(0.01));
        assertThat(model.probabilityOfAbandoning()).isCloseTo(simulated.abandonedProbability(), within(0.01));
        assertThat(model.averageSpeedOfAnswer())
                .isCloseTo(simulated.averageSpeedOfAnswer(), within(0.03 * simulated.averageSpeedOfAnswer() + 0.2));
        assertThat(model.serviceLevel(30)).isCloseTo(simulated.serviceLevel(), within(0.01));
        assertThat(model.probabilityWaitOver(60)).isCloseTo(simulated.stillWaitingAfter(), within(0.01));
    }

    /** Customers who (nearly) never give up: Erlang A becomes Erlang C (the worked example's queue). */
    @Test
    void withEndlessPatienceItIsErlangC() {
        double rate = 100 / 1800.0;
        ErlangA model = ErlangA.of(14, rate, 180, 1e9);

        assertThat(model.probabilityOfWaiting()).isCloseTo(ErlangC.probabilityOfWaiting(14, 10), within(1e-6));
        assertThat(model.probabilityOfAbandoning()).isCloseTo(0, within(1e-6));
        assertThat(model.averageSpeedOfAnswer()).isCloseTo(ErlangC.averageSpeedOfAnswer(14, 10, 180), within(1e-4));
        assertThat(model.serviceLevel(20)).isCloseTo(ErlangC.serviceLevel(14, 10, 180, 20), within(1e-6));
        assertThat(model.probabilityWaitOver(120)).isCloseTo(ErlangC.probabilityWaitOver(14, 10, 180, 120), within(1e-6));
        assertThat(ErlangA.serversNeeded(rate, 180, 1e9, 0.8, 20)).isEqualTo(14);
    }

    /** 30% more arrivals than the servers take and a patience of decades: past what the model keeps. */
    @Test
    void aHopelessOverloadIsBeyondForecast() {
        assertThat(ErlangA.beyondForecast(7, 100 / 1800.0, 180, 1e9)).isTrue();
        assertThat(ErlangA.beyondForecast(14, 100 / 1800.0, 180, 1e9)).isFalse();
        assertThatThrownBy(() -> ErlangA.of(7, 100 / 1800.0, 180, 1e9)).hasMessageContaining("too overloaded");
    }

    /** No server: every customer waits until its patience runs out, P(still waiting at t) = e^(−t/patience). */
    @Test
    void withoutServersEveryoneGivesUp() {
        ErlangA model = ErlangA.of(0, 0.1, 180, 90);

        assertThat(model.probabilityOfWaiting()).isEqualTo(1.0);
        assertThat(model.probabilityOfAbandoning()).isCloseTo(1.0, within(1e-12));
        assertThat(model.averageSpeedOfAnswer()).isInfinite();
        assertThat(model.serviceLevel(30)).isCloseTo(0, within(1e-12));
        assertThat(model.probabilityWaitOver(60)).isCloseTo(Math.exp(-60 / 90.0), within(1e-9));
        assertThat(model.expectedTimeToAnswer(1)).isInfinite();
    }

    /**
     * The customer at position k moves up at N·μ + (k − 1)·θ: with 4 servers of 200 s and a mean
     * patience of 100 s, 50 s to the first, then 50 + 1/(1/50 + 1/100) = 83.3 s to the second.
     */
    @Test
    void expectedTimeToAnswerAddsTheStagesAhead() {
        ErlangA model = ErlangA.of(4, 0.01, 200, 100);

        assertThat(model.expectedTimeToAnswer(1)).isCloseTo(50, within(1e-9));
        assertThat(model.expectedTimeToAnswer(2)).isCloseTo(50 + 100 / 3.0, within(1e-9));
    }

    /**
     * Abandonment makes a queue cheaper to staff than Erlang C says, and the answer is the smallest
     * N that reaches the target; an overload Erlang C cannot answer still has a service level.
     */
    @Test
    void serversNeededIsTheSmallestThatReachesTheTarget() {
        double rate = 100 / 1800.0;
        int needed = ErlangA.serversNeeded(rate, 180, 60, 0.8, 20);

        assertThat(needed).isLessThanOrEqualTo(14);
        assertThat(ErlangA.of(needed, rate, 180, 60).serviceLevel(20)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangA.of(needed - 1, rate, 180, 60).serviceLevel(20)).isLessThan(0.8);
        assertThat(ErlangA.of(8, rate, 180, 60).serviceLevel(20)).isBetween(0.0, 1.0);
        assertThat(ErlangA.serversNeeded(0, 180, 60, 0.8, 20)).isZero();
    }

    /** Thousands of servers and an overload of hundreds waiting: no overflow, probabilities stay probabilities. */
    @Test
    void largeQueuesStayFinite() {
        ErlangA model = ErlangA.of(1_000, 1_100 / 300.0, 300, 600);

        assertThat(model.probabilityOfWaiting()).isBetween(0.99, 1.0);
        assertThat(model.probabilityOfAbandoning()).isBetween(0.05, 0.2);
        assertThat(model.averageSpeedOfAnswer()).isFinite().isPositive();
    }

    @Test
    void badInputsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> ErlangA.of(3, 0.1, 180, 0)).hasMessageContaining("patience");
        assertThatThrownBy(() -> ErlangA.of(3, -0.1, 180, 60)).hasMessageContaining("arrival rate");
        assertThatThrownBy(() -> ErlangA.of(3, 0.1, 0, 60)).hasMessageContaining("handle time");
        assertThatThrownBy(() -> ErlangA.serversNeeded(0.1, 180, 60, 0, 20)).hasMessageContaining("service-level target");
        assertThatThrownBy(() -> ErlangA.of(3, 0.1, 180, 60).probabilityWaitOver(-1)).hasMessageContaining("waiting time");
    }
}
