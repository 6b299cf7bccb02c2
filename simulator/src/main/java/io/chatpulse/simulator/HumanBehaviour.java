package io.chatpulse.simulator;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long people take and how they feel: typing and reply delays (log-normal, like real
 * response times), patience in the queue, the length of the chat, and a rating that drops as the
 * wait grows. Every delay is multiplied by the pace.
 */
public final class HumanBehaviour {

    /** A wait this long or longer gets the lowest expected rating. */
    static final double WORST_WAIT_SECONDS = 240;

    private final RandomGenerator random;
    private final double pace;

    public HumanBehaviour(RandomGenerator random, double pace) {
        this.random = random;
        this.pace = pace;
    }

    public Duration customerTyping() {
        return logNormal(4, 0.5, 1, 30);
    }

    public Duration agentReply() {
        return logNormal(6, 0.6, 1, 60);
    }

    /** An agent noticing and accepting a waiting conversation, once they have room for it. */
    public Duration pickUp() {
        return logNormal(5, 0.8, 1, 60);
    }

    /** How long the customer waits for an agent before leaving. */
    public Duration patience() {
        double seconds = Math.max(5, -Math.log(1 - random.nextDouble()) * 150);
        return scaled(seconds);
    }

    /** Agent replies in the chat (each after a customer message but the first). */
    public int exchanges() {
        return 1 + random.nextInt(4);
    }

    public boolean answersSurvey() {
        return random.nextDouble() < 0.7;
    }

    /** An index in [0, n), for picking a phrase. */
    public int choose(int n) {
        return random.nextInt(n);
    }

    /** 1..5, around 4.7 after no wait and around 2 after {@link #WORST_WAIT_SECONDS} or more. */
    public int rating(Duration waited) {
        double expected = expectedRating(waited);
        long rating = Math.round(expected + random.nextGaussian() * 0.8);
        return (int) Math.max(1, Math.min(5, rating));
    }

    static double expectedRating(Duration waited) {
        double share = Math.min(1, waited.toMillis() / 1000.0 / WORST_WAIT_SECONDS);
        return 4.7 - 2.7 * share;
    }

    private Duration logNormal(double medianSeconds, double sigma, double min, double max) {
        double seconds = medianSeconds * Math.exp(sigma * random.nextGaussian());
        return scaled(Math.max(min, Math.min(max, seconds)));
    }

    private Duration scaled(double seconds) {
        return Duration.ofMillis(Math.round(seconds * pace * 1000));
    }
}
