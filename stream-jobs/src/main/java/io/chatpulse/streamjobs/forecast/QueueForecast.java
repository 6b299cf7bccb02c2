package io.chatpulse.streamjobs.forecast;

/**
 * The forecast and staffing advice of a queue at one instant (metrics.md, "Forecast and staffing"),
 * written with its live state. Times in seconds.
 *
 * @param arrivalsPerHour        λ, exponentially weighted
 * @param handleTimeS            h: the mean of the last window's handle times, or the default
 * @param handleTimes            how many handle times the mean is of (under the minimum: the default is used)
 * @param patienceS              mean patience from the window's waits and abandons; 0 when not estimated (Erlang C)
 * @param slots                  chat slots online serving the queue (Σ capacity, decision 20; a shared agent's
 *                               apportioned by offered load, decision 32)
 * @param agentCapacity          chats per agent for this queue: its slots over the agents online serving it (a
 *                               shared agent gives it his share), or the default when it has no slot
 * @param model                  {@code erlang_a} or {@code erlang_c}
 * @param unbounded              at these rates the queue grows without bound (every figure below is its limit)
 * @param waitProbability        the probability that a customer arriving now waits
 * @param averageSpeedOfAnswerS  expected wait of the answered; infinite when unbounded
 * @param serviceLevel           answered within the queue's T / all
 * @param waitOverThresholdProbability the probability that a customer arriving now still waits at the
 *                               queue_wait threshold
 * @param agentsNeeded           agents (at {@code agentCapacity}: like those online now) to reach the service-level target
 * @param oldestAnswerExpectedAt when the oldest waiting customer is expected to be answered (epoch ms);
 *                               0 when nobody waits or no slot serves the queue
 */
public record QueueForecast(
        double arrivalsPerHour,
        double handleTimeS,
        int handleTimes,
        double patienceS,
        int slots,
        double agentCapacity,
        String model,
        boolean unbounded,
        double waitProbability,
        double averageSpeedOfAnswerS,
        double serviceLevel,
        double serviceLevelTarget,
        double serviceLevelTimeS,
        double waitOverThresholdProbability,
        int agentsNeeded,
        long oldestAnswerExpectedAt) {

    public static final String ERLANG_A = "erlang_a";
    public static final String ERLANG_C = "erlang_c";
}
