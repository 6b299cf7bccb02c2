package io.chatpulse.queuemath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ErlangCTest {

    /**
     * Call Centre Helper (callcentrehelper.com), "Erlang C Formula – Made Simple With an Easy Worked
     * Example": 100 contacts in 30 minutes, 180 s handle time, target 80% answered in 20 s. Traffic
     * 10 Erlangs; 13 agents answer 79.6% in 20 s, 14 agents 88.8% with a 17.4% probability of
     * waiting; so 14 agents.
     * (The same check is in metrics.md.)
     */
    @Test
    void theWorkedExampleNeedsFourteenAgents() {
        double arrivalsPerSecond = 100 / 1800.0;
        double traffic = arrivalsPerSecond * 180;
        assertThat(traffic).isCloseTo(10, within(1e-12));

        assertThat(ErlangC.serviceLevel(13, traffic, 180, 20)).isCloseTo(0.796, within(0.0005));
        assertThat(ErlangC.probabilityOfWaiting(14, traffic)).isCloseTo(0.174, within(0.0005));
        assertThat(ErlangC.serviceLevel(14, traffic, 180, 20)).isCloseTo(0.888, within(0.0005));
        assertThat(ErlangC.serversNeeded(traffic, 180, 0.80, 20)).isEqualTo(14);
        // ASA = C·h/(N − A) = 0.1741 · 180 / 4
        assertThat(ErlangC.averageSpeedOfAnswer(14, traffic, 180)).isCloseTo(7.84, within(0.005));
    }

    /** The Erlang B table value B(10 servers, 5 Erlangs) = 0.01838, as in every Erlang B table. */
    @Test
    void erlangBMatchesTheTable() {
        assertThat(ErlangC.erlangB(10, 5)).isCloseTo(0.01838, within(0.000005));
        assertThat(ErlangC.erlangB(0, 5)).isEqualTo(1.0);
    }

    /** M/M/1 in closed form: P(wait) = ρ, mean wait ρ·h/(1 − ρ), P(wait > t) = ρ·e^(−(1−ρ)t/h). */
    @Test
    void oneServerIsTheMm1Queue() {
        assertThat(ErlangC.probabilityOfWaiting(1, 0.75)).isCloseTo(0.75, within(1e-12));
        assertThat(ErlangC.averageSpeedOfAnswer(1, 0.75, 60)).isCloseTo(0.75 * 60 / 0.25, within(1e-9));
        assertThat(ErlangC.probabilityWaitOver(1, 0.75, 60, 30))
                .isCloseTo(0.75 * Math.exp(-0.25 * 30 / 60), within(1e-12));
    }

    /** Thousands of servers: a factorial would overflow long before; the recursion does not. */
    @Test
    void largeQueuesStayFiniteAndOrdered() {
        double previous = 1;
        for (int servers = 1_960; servers <= 2_040; servers += 10) {
            double waiting = ErlangC.probabilityOfWaiting(servers, 1_950);
            assertThat(waiting).isBetween(0.0, 1.0).isLessThan(previous);
            previous = waiting;
        }
        int needed = ErlangC.serversNeeded(1_950, 300, 0.8, 30);
        assertThat(ErlangC.serviceLevel(needed, 1_950, 300, 30)).isGreaterThanOrEqualTo(0.8);
        assertThat(ErlangC.serviceLevel(needed - 1, 1_950, 300, 30)).isLessThan(0.8);
    }

    /** Every one of N servers frees at rate 1/h: the k-th in line waits k·h/N on average. */
    @Test
    void expectedTimeToAnswerIsThePositionsShareOfTheServers() {
        assertThat(ErlangC.expectedTimeToAnswer(1, 4, 200)).isCloseTo(50, within(1e-9));
        assertThat(ErlangC.expectedTimeToAnswer(3, 4, 200)).isCloseTo(150, within(1e-9));
        assertThat(ErlangC.expectedTimeToAnswer(1, 0, 200)).isInfinite();
    }

    @Test
    void tooFewServersMeanTheQueueGrowsWithoutBound() {
        assertThat(ErlangC.probabilityOfWaiting(10, 10)).isEqualTo(1.0);
        assertThat(ErlangC.averageSpeedOfAnswer(9, 10, 180)).isInfinite();
        assertThat(ErlangC.serviceLevel(0, 0.5, 180, 30)).isEqualTo(0.0);
        assertThat(ErlangC.serversNeeded(0, 180, 0.8, 30)).isZero();
    }

    @Test
    void badInputsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> ErlangC.serversNeeded(10, 180, 1.2, 20))
                .hasMessageContaining("service-level target");
        assertThatThrownBy(() -> ErlangC.serversNeeded(10, 180, 0.8, -1)).hasMessageContaining("service-level time");
        assertThatThrownBy(() -> ErlangC.probabilityOfWaiting(-1, 10)).hasMessageContaining("servers");
        assertThatThrownBy(() -> ErlangC.probabilityOfWaiting(3, Double.NaN)).hasMessageContaining("traffic");
    }
}
