package io.chatpulse.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of the run and the progress line made from them. */
public final class Stats {

    final AtomicLong started = new AtomicLong();
    final AtomicLong resolved = new AtomicLong();
    final AtomicLong abandoned = new AtomicLong();
    final AtomicLong rated = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong requestsOk = new AtomicLong();
    final AtomicLong requestsFailed = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    /** Customers waiting for an agent now, and conversations with an agent now. */
    final AtomicLong waiting = new AtomicLong();
    final AtomicLong withAgent = new AtomicLong();
    /** chat-core routes: agents logged in now, and conversations left open by an earlier run that they closed. */
    final AtomicLong agentsOnDuty = new AtomicLong();
    final AtomicLong leftovers = new AtomicLong();
    private long lastRequests;
    private long lastNanos = System.nanoTime();

    /** One line; req/s counts the requests since the previous line. */
    public synchronized String progressLine(Duration elapsed) {
        long requests = requestsOk.get() + requestsFailed.get();
        long now = System.nanoTime();
        double perSecond = (requests - lastRequests) / Math.max(0.001, (now - lastNanos) / 1e9);
        lastRequests = requests;
        lastNanos = now;
        return String.format("[%s] conversations started %d, resolved %d, abandoned %d, rated %d, dropped %d"
                        + " | waiting for an agent %d, with an agent %d | agents on duty %d, leftovers closed %d"
                        + " | requests ok %d, failed %d, retried %d | %.1f req/s",
                clock(elapsed), started.get(), resolved.get(), abandoned.get(), rated.get(), dropped.get(),
                waiting.get(), withAgent.get(), agentsOnDuty.get(), leftovers.get(),
                requestsOk.get(), requestsFailed.get(), retries.get(), perSecond);
    }

    /** The totals at the end, with the mean request rate over the whole run. */
    public String summary(Duration elapsed) {
        long requests = requestsOk.get() + requestsFailed.get();
        return String.format("done after %s: conversations started %d, resolved %d, abandoned %d, rated %d, dropped %d"
                        + " | requests ok %d, failed %d, retried %d | %.1f req/s on average",
                clock(elapsed), started.get(), resolved.get(), abandoned.get(), rated.get(), dropped.get(),
                requestsOk.get(), requestsFailed.get(), retries.get(),
                requests / Math.max(0.001, elapsed.toMillis() / 1000.0));
    }

    static String clock(Duration d) {
        return String.format("%02d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
