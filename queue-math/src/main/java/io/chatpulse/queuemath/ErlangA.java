package io.chatpulse.queuemath;

import java.util.Arrays;

/**
 * Erlang A (the M/M/N+M queue, Palm's model): Erlang C plus customers who give up, each after an
 * exponential patience of mean θ⁻¹ while waiting. Solved exactly as the birth-death chain it is
 * (Mandelbaum and Zeltyn, "The Palm/Erlang-A queue, with applications to call centers", 2007):
 * the number in the system n rises at rate λ and falls at rate min(n, N)·μ + max(n − N, 0)·θ.
 *
 * <p>What an arriving customer sees (arrivals see the stationary state, PASTA) is kept as the
 * probability of finding a free server and of finding j customers already waiting. A customer who
 * finds j waiting is at position k = j + 1; it moves up at rate N·μ + (k − 1)·θ (a server frees or
 * someone ahead gives up) and gives up itself at rate θ. From that follow, without simulation, the
 * share answered, the mean wait of the answered, the share answered within T and the share still
 * waiting at t (the customers the queue_wait page sees).
 *
 * <p>Numerically: the states below N are summed through the Erlang B recursion (in logarithms, so
 * neither factorials nor powers overflow), the queue states in logarithms until they are negligible;
 * the waiting-time distribution by uniformization of the position chain.
 */
public final class ErlangA {

    /** A queue state is negligible below e^−45 (about 3·10⁻²⁰) of the largest. */
    private static final double NEGLIGIBLE_LOG = -45;
    private static final int MAX_QUEUE_STATES = 1_000_000;

    private final int servers;
    private final double arrivalRate;
    private final double serviceRate;
    private final double abandonRate;
    private final double noWait;
    /** The probability that an arriving customer finds j customers waiting (all servers busy). */
    private final double[] queued;

    private ErlangA(int servers, double arrivalRate, double handleTime, double patience, double noWait,
                    double[] queued) {
        this.servers = servers;
        this.arrivalRate = arrivalRate;
        this.serviceRate = 1 / handleTime;
        this.abandonRate = 1 / patience;
        this.noWait = noWait;
        this.queued = queued;
    }

    /**
     * @param servers     N, the servers (chat slots) serving the queue
     * @param arrivalRate λ, arrivals per time unit
     * @param handleTime  mean handle time, 1/μ
     * @param patience    mean patience, 1/θ (finite: for customers who never give up, use {@link ErlangC})
     */
    public static ErlangA of(int servers, double arrivalRate, double handleTime, double patience) {
        check(servers, arrivalRate, handleTime, patience);
        if (beyondForecast(servers, arrivalRate, handleTime, patience)) {
            throw new IllegalArgumentException("the queue is too overloaded to forecast: λ=" + arrivalRate + ", N="
                    + servers + ", handle time " + handleTime + ", patience " + patience);
        }
        if (arrivalRate == 0) {
            return new ErlangA(servers, 0, handleTime, patience, 1.0, new double[0]);
        }
        double traffic = arrivalRate * handleTime;
        double logBelow = logStatesBelow(servers, traffic);
        double[] logQueued = logQueueStates(servers, arrivalRate, 1 / handleTime, 1 / patience);
        double max = logBelow;
        for (double q : logQueued) {
            max = Math.max(max, q);
        }
        double total = Math.exp(logBelow - max);
        double[] queued = new double[logQueued.length];
        for (int j = 0; j < queued.length; j++) {
            queued[j] = Math.exp(logQueued[j] - max);
            total += queued[j];
        }
        for (int j = 0; j < queued.length; j++) {
            queued[j] /= total;
        }
        return new ErlangA(servers, arrivalRate, handleTime, patience, Math.exp(logBelow - max) / total, queued);
    }

    /**
     * Whether the queue would hold more customers than the model keeps states for (a million): a
     * queue overloaded by far more than its customers' patience can drain, whose forecast is simply
     * "it grows without bound". The queue peaks near j = (λ − N·μ)/θ waiting and its states fall
     * to nothing within about √(90·λ/θ) past the peak.
     */
    public static boolean beyondForecast(int servers, double arrivalRate, double handleTime, double patience) {
        double theta = 1 / patience;
        double peak = Math.max(0, (arrivalRate - servers / handleTime) / theta);
        return peak + Math.sqrt(90 * arrivalRate / theta) > MAX_QUEUE_STATES;
    }

    /**
     * log(Σ_{n<N} π_n / π_N) = log(1/B(N, A) − 1): with 1/B(n) = 1 + (n/A)·1/B(n−1), the Erlang B
     * recursion, kept in logarithms. No states below N when N = 0.
     */
    private static double logStatesBelow(int servers, double traffic) {
        if (servers == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double logInverseB = 0;
        for (int n = 1; n <= servers; n++) {
            double x = Math.log(n / traffic) + logInverseB;
            logInverseB = x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
        }
        return logInverseB + Math.log(-Math.expm1(-logInverseB));
    }

    /** log(π_{N+j} / π_N) for j = 0, 1, … until the terms, past their peak, are negligible. */
    private static double[] logQueueStates(int servers, double lambda, double mu, double theta) {
        double[] logs = new double[64];
        double max = 0;
        int j = 0;
        logs[0] = 0;
        while (true) {
            double down = servers * mu + (j + 1) * theta;
            double next = logs[j] + Math.log(lambda / down);
            if (lambda < down && next < max + NEGLIGIBLE_LOG) {
                return Arrays.copyOf(logs, j + 1);
            }
            if (++j == MAX_QUEUE_STATES) {
                throw new IllegalArgumentException("the queue is too overloaded to forecast: λ=" + lambda
                        + ", N=" + servers + ", μ=" + mu + ", θ=" + theta);
            }
            if (j == logs.length) {
                logs = Arrays.copyOf(logs, logs.length * 2);
            }
            logs[j] = next;
            max = Math.max(max, next);
        }
    }

    /** The probability that a customer arriving now finds every server busy. */
    public double probabilityOfWaiting() {
        return 1 - noWait;
    }

    /** The share of arriving customers who give up before they are answered. */
    public double probabilityOfAbandoning() {
        return 1 - probabilityAnswered();
    }

    private double probabilityAnswered() {
        double answered = noWait;
        double reach = 1;
        for (int j = 0; j < queued.length; j++) {
            double up = moveUpRate(j + 1);
            reach *= up / (up + abandonRate);
            answered += queued[j] * reach;
        }
        return answered;
    }

    /**
     * The mean wait of the customers who are answered (metrics.md's average speed of answer), 0 for
     * those answered at once: for position k, E[V·e^(−θV)] over the offered wait V, a sum of
     * exponential stages, is Π r_i/(r_i + θ) · Σ 1/(r_i + θ). Infinite when nobody is answered.
     */
    public double averageSpeedOfAnswer() {
        double answered = noWait;
        double waitOfAnswered = 0;
        double reach = 1;
        double meanTime = 0;
        for (int j = 0; j < queued.length; j++) {
            double up = moveUpRate(j + 1);
            reach *= up / (up + abandonRate);
            meanTime += 1 / (up + abandonRate);
            answered += queued[j] * reach;
            waitOfAnswered += queued[j] * reach * meanTime;
        }
        return answered == 0 ? Double.POSITIVE_INFINITY : waitOfAnswered / answered;
    }

    /**
     * Answered within T / all arrivals, abandons included, as metrics.md's service level (whose
     * exclusion of abandons under 5 s the model does not know).
     */
    public double serviceLevel(double withinT) {
        return noWait + waitingTimes(withinT)[0];
    }

    /** The probability that a customer arriving now is still waiting after t (neither answered nor gone). */
    public double probabilityWaitOver(double t) {
        return waitingTimes(t)[1];
    }

    /**
     * The position chain by uniformization: the customers who found j waiting start at position
     * j + 1; after t, {answered by t, still waiting at t}. Each step of the uniformized chain moves a
     * position up, loses it to its patience, or leaves it; the Poisson(Λt) mixture of the steps is
     * the state at t.
     */
    private double[] waitingTimes(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("a waiting time must be finite and >= 0: " + t);
        }
        int positions = queued.length;
        if (positions == 0 || t == 0) {
            return new double[] {0, probabilityOfWaiting()};
        }
        double uniform = moveUpRate(positions) + abandonRate;
        double mean = uniform * t;
        int steps = (int) Math.ceil(mean + 10 * Math.sqrt(mean) + 20);
        double[] mass = queued.clone();
        double answered = 0;
        double answeredByT = 0;
        double waitingAtT = 0;
        double logWeight = -mean;
        for (int n = 0; n <= steps; n++) {
            if (n > 0) {
                answered += mass[0] * moveUpRate(1) / uniform;
                for (int k = 0; k < positions; k++) {
                    double stay = 1 - (moveUpRate(k + 1) + abandonRate) / uniform;
                    double fromBehind = k + 1 < positions ? mass[k + 1] * moveUpRate(k + 2) / uniform : 0;
                    mass[k] = mass[k] * stay + fromBehind;
                }
                logWeight += Math.log(mean / n);
            }
            double weight = Math.exp(logWeight);
            answeredByT += weight * answered;
            waitingAtT += weight * sum(mass);
        }
        return new double[] {answeredByT, waitingAtT};
    }

    /**
     * The expected time until a customer at this position (1 = next) is answered if it does not give
     * up, at the current service rate: Σ_{i ≤ k} 1/(N·μ + (i − 1)·θ). Infinite with no servers.
     */
    public double expectedTimeToAnswer(int position) {
        if (position < 1) {
            throw new IllegalArgumentException("a position in the queue starts at 1: " + position);
        }
        double time = 0;
        for (int i = 1; i <= position; i++) {
            time += 1 / moveUpRate(i);
        }
        return time;
    }

    /** How fast the customer at position k moves up: a server frees or one of the k − 1 ahead gives up. */
    private double moveUpRate(int position) {
        return servers * serviceRate + (position - 1) * abandonRate;
    }

    /**
     * The smallest N whose service level within T reaches the target. The service level grows with N;
     * Erlang C's answer is where the search starts looking for an N that is enough (customers who give
     * up shorten the queue, so it nearly always is), then a binary search below it finds the smallest.
     */
    public static int serversNeeded(double arrivalRate, double handleTime, double patience, double target,
                                    double withinT) {
        check(0, arrivalRate, handleTime, patience);
        ErlangC.checkTarget(target, withinT);
        int low = 0;
        int high = ErlangC.serversNeeded(arrivalRate * handleTime, handleTime, target, withinT);
        while (!reaches(high, arrivalRate, handleTime, patience, target, withinT)) {
            low = high + 1;
            high = Math.max(1, high * 2);
        }
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (reaches(middle, arrivalRate, handleTime, patience, target, withinT)) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    private static boolean reaches(int servers, double arrivalRate, double handleTime, double patience, double target,
                                   double withinT) {
        return !beyondForecast(servers, arrivalRate, handleTime, patience)
                && of(servers, arrivalRate, handleTime, patience).serviceLevel(withinT) >= target;
    }

    public int servers() {
        return servers;
    }

    public double arrivalRate() {
        return arrivalRate;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }

    private static void check(int servers, double arrivalRate, double handleTime, double patience) {
        if (servers < 0) {
            throw new IllegalArgumentException("servers must not be negative: " + servers);
        }
        if (!(arrivalRate >= 0) || Double.isInfinite(arrivalRate)) {
            throw new IllegalArgumentException("the arrival rate must be finite and >= 0: " + arrivalRate);
        }
        if (!(handleTime > 0) || Double.isInfinite(handleTime)) {
            throw new IllegalArgumentException("the handle time must be finite and > 0: " + handleTime);
        }
        if (!(patience > 0) || Double.isInfinite(patience)) {
            throw new IllegalArgumentException("the patience must be finite and > 0: " + patience);
        }
    }
}
