package io.chatpulse.queuemath;

/**
 * Erlang C (the M/M/N queue): Poisson arrivals, exponential handle times, N servers, nobody gives up.
 * Traffic A = arrival rate x mean handle time, in Erlangs; times are in the unit of the handle time.
 *
 * <p>No factorials: C(N, A) comes from Erlang B by the recursion B(0) = 1,
 * B(n) = A·B(n−1) / (n + A·B(n−1)), which stays between 0 and 1 for any N and A, and
 * C = N·B / (N − A·(1 − B)). With N ≤ A the queue grows without bound: every customer waits, the
 * expected wait is infinite and no service level is reached.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Erlang B: the probability that all N servers are busy in a loss system with traffic A. */
    public static double erlangB(int servers, double traffic) {
        check(servers, traffic);
        double b = 1.0;
        for (int n = 1; n <= servers; n++) {
            b = traffic * b / (n + traffic * b);
        }
        return b;
    }

    /** The probability that a customer arriving now waits at all, C(N, A). */
    public static double probabilityOfWaiting(int servers, double traffic) {
        if (servers <= traffic) {
            check(servers, traffic);
            return 1.0;
        }
        double b = erlangB(servers, traffic);
        return servers * b / (servers - traffic * (1 - b));
    }

    /** Average speed of answer: C(N, A)·h / (N − A). */
    public static double averageSpeedOfAnswer(int servers, double traffic, double handleTime) {
        if (servers <= traffic) {
            check(servers, traffic);
            return Double.POSITIVE_INFINITY;
        }
        return probabilityOfWaiting(servers, traffic) * handleTime / (servers - traffic);
    }

    /** The probability that a customer arriving now waits longer than t: C(N, A)·e^(−(N−A)·t/h). */
    public static double probabilityWaitOver(int servers, double traffic, double handleTime, double t) {
        if (servers <= traffic) {
            check(servers, traffic);
            return 1.0;
        }
        return probabilityOfWaiting(servers, traffic) * Math.exp(-(servers - traffic) * t / handleTime);
    }

    /** The share answered within T: 1 − C(N, A)·e^(−(N−A)·T/h). */
    public static double serviceLevel(int servers, double traffic, double handleTime, double withinT) {
        return 1.0 - probabilityWaitOver(servers, traffic, handleTime, withinT);
    }

    /**
     * The expected time until a customer at this position (1 = next) is answered, at the current
     * service rate: position·h/N, every server freeing at rate 1/h. Infinite with no servers.
     */
    public static double expectedTimeToAnswer(int position, int servers, double handleTime) {
        if (position < 1) {
            throw new IllegalArgumentException("a position in the queue starts at 1: " + position);
        }
        check(servers, 0);
        return servers == 0 ? Double.POSITIVE_INFINITY : position * handleTime / servers;
    }

    /**
     * The smallest N whose service level within T reaches the target (a share, 0 &lt; target &lt; 1).
     * The service level grows with N, so the search walks up from the first stable N; no traffic
     * needs no server.
     */
    public static int serversNeeded(double traffic, double handleTime, double target, double withinT) {
        checkTarget(target, withinT);
        if (traffic == 0) {
            return 0;
        }
        int servers = (int) Math.floor(traffic) + 1;
        while (serviceLevel(servers, traffic, handleTime, withinT) < target) {
            servers++;
        }
        return servers;
    }

    static void checkTarget(double target, double withinT) {
        if (!(target > 0 && target < 1)) {
            throw new IllegalArgumentException("the service-level target must be a share between 0 and 1: " + target);
        }
        if (!(withinT >= 0) || Double.isInfinite(withinT)) {
            throw new IllegalArgumentException("the service-level time must be finite and >= 0: " + withinT);
        }
    }

    static void check(int servers, double traffic) {
        if (servers < 0) {
            throw new IllegalArgumentException("servers must not be negative: " + servers);
        }
        if (!(traffic >= 0) || Double.isInfinite(traffic)) {
            throw new IllegalArgumentException("traffic must be a finite number of Erlangs >= 0: " + traffic);
        }
    }
}
