package io.chatpulse.queuemath;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A discrete-event simulation of the M/M/N+M queue, to check {@link ErlangA} against: Poisson
 * arrivals, exponential handle times and patiences, N servers, first come first served. A customer
 * whose patience runs out before a server frees is gone; it is dropped when a server reaches it.
 */
final class PalmQueueSimulation {

    record Outcome(double waitedProbability, double abandonedProbability, double averageSpeedOfAnswer,
                   double serviceLevel, double stillWaitingAfter) {
    }

    private PalmQueueSimulation() {
    }

    /**
     * @param customers how many arrive; the first tenth warms the queue up and is not counted
     * @param withinT   the service-level time
     * @param overT     the wait whose passing is counted (still waiting, neither answered nor gone)
     */
    static Outcome run(int servers, double arrivalRate, double handleTime, double patience, int customers,
                       double withinT, double overT, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PriorityQueue<Double> serviceEnds = new PriorityQueue<>();
        ArrayDeque<double[]> waiting = new ArrayDeque<>(); // {arrived, gives up at, counted (1/0)}
        int counted = 0;
        int waited = 0;
        int abandoned = 0;
        int answeredWithinT = 0;
        int stillWaiting = 0;
        int answeredAfterWaiting = 0;
        double waitOfAnswered = 0;
        int answered = 0;
        double now = 0;
        double nextArrival = exponential(random, 1 / arrivalRate);
        int arrived = 0;
        while (arrived < customers || !waiting.isEmpty()) {
            boolean arrival = arrived < customers && (serviceEnds.isEmpty() || nextArrival <= serviceEnds.peek());
            if (arrival) {
                now = nextArrival;
                nextArrival = now + exponential(random, 1 / arrivalRate);
                boolean count = arrived++ >= customers / 10;
                if (count) {
                    counted++;
                }
                if (serviceEnds.size() < servers && waiting.isEmpty()) {
                    serviceEnds.add(now + exponential(random, handleTime));
                    if (count) {
                        answered++;
                        answeredWithinT++;
                    }
                } else {
                    waiting.add(new double[] {now, now + exponential(random, patience), count ? 1 : 0});
                }
                continue;
            }
            // A server frees: the first customer still there takes it.
            now = serviceEnds.poll();
            while (!waiting.isEmpty()) {
                double[] customer = waiting.poll();
                boolean count = customer[2] == 1;
                double wait = Math.min(now, customer[1]) - customer[0];
                if (count) {
                    waited++;
                    if (wait > overT) {
                        stillWaiting++;
                    }
                }
                if (customer[1] < now) {
                    if (count) {
                        abandoned++;
                    }
                    continue;
                }
                serviceEnds.add(now + exponential(random, handleTime));
                if (count) {
                    answered++;
                    answeredAfterWaiting++;
                    waitOfAnswered += wait;
                    if (wait <= withinT) {
                        answeredWithinT++;
                    }
                }
                break;
            }
        }
        return new Outcome(waited / (double) counted, abandoned / (double) counted, waitOfAnswered / answered,
                answeredWithinT / (double) counted, stillWaiting / (double) counted);
    }

    private static double exponential(SplittableRandom random, double mean) {
        return -mean * Math.log(1 - random.nextDouble());
    }
}
