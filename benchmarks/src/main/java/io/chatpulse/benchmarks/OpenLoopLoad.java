package io.chatpulse.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One request sent at a fixed rate, open loop: request i is due at start + i / rate whatever
 * happened to the ones before it, and its latency runs from that due time to the last byte of the
 * answer. A stall of the server (or of this sender) so counts against every request it delayed,
 * instead of only the one it hit (no coordinated omission). Only requests due after the warm-up
 * are measured.
 */
final class OpenLoopLoad {

    /**
     * Latencies of every measured request that completed (errors and time-outs included), sorted;
     * the achieved rate counts the 200 answers, from the first measured request's due time to the last
     * completion.
     */
    record Result(List<Long> latencyNanos, long errors, String firstError, double achievedRate) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * In flight at most, as a pool of keep-alive connections: java.net.http opens a connection per
     * request it cannot serve from its idle ones, and thousands of them against a server that has
     * fallen behind would load the two cores it shares with the server. A request waiting for a
     * connection is late, and its latency, counted from its due time, says so.
     */
    private static final int CONNECTIONS = 64;

    private final HttpClient client;

    OpenLoopLoad() {
        // Two threads for the completions: the sender shares two cores with the server and ClickHouse.
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, OpenLoopLoad::daemon)).build();
    }

    Result run(HttpRequest.Builder request, int rate, Duration warmup, Duration measured) throws InterruptedException {
        HttpRequest timed = request.timeout(REQUEST_TIMEOUT).build();
        int warmupRequests = Math.toIntExact(rate * warmup.toSeconds());
        int total = warmupRequests + Math.toIntExact(rate * measured.toSeconds());
        Tally tally = new Tally(total - warmupRequests);
        Semaphore connections = new Semaphore(CONNECTIONS);
        CountDownLatch completed = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            LockSupport.parkNanos(due - System.nanoTime());
            connections.acquire();
            int slot = i - warmupRequests;
            if (System.nanoTime() - due > REQUEST_TIMEOUT.toNanos()) {
                // Overdue before it could be sent: as timed out as if the server had held it.
                connections.release();
                tally.record(slot, due, "not sent within " + REQUEST_TIMEOUT.toSeconds() + " s of its due time");
                completed.countDown();
                continue;
            }
            client.sendAsync(timed, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                connections.release();
                tally.record(slot, due, failure != null ? failure.toString()
                        : response.statusCode() != 200 ? "HTTP " + response.statusCode() : null);
                completed.countDown();
            });
        }
        // Every request times out by itself, so this wait ends; the margin covers its hand-offs.
        completed.await(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        return tally.result(start + Math.round(warmupRequests * 1e9 / rate));
    }

    /** The measured requests' outcomes, recorded from the client's threads without locking. */
    private static final class Tally {

        private final AtomicLongArray latencies;
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong lastCompletion = new AtomicLong();
        private final AtomicReference<String> firstError = new AtomicReference<>();

        Tally(int requests) {
            latencies = new AtomicLongArray(requests);
        }

        /** {@code slot} is negative during the warm-up; {@code error} null for a 200 answer. */
        void record(int slot, long due, String error) {
            if (slot < 0) {
                return;
            }
            long now = System.nanoTime();
            latencies.set(slot, now - due);
            lastCompletion.accumulateAndGet(now, Math::max);
            if (error != null) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, error);
            }
        }

        /** A request still not completed when the wait ended counts as an error without a latency. */
        Result result(long measuredStart) {
            List<Long> sorted = new ArrayList<>(latencies.length());
            for (int i = 0; i < latencies.length(); i++) {
                if (latencies.get(i) > 0) {
                    sorted.add(latencies.get(i));
                }
            }
            sorted.sort(null);
            long incomplete = latencies.length() - sorted.size();
            String error = firstError.get() == null && incomplete > 0 ? incomplete + " requests incomplete"
                    : firstError.get();
            long measuredNanos = lastCompletion.get() - measuredStart;
            double achievedRate = measuredNanos > 0 ? (sorted.size() - errors.get()) / (measuredNanos / 1e9) : 0;
            return new Result(sorted, errors.get() + incomplete, error, achievedRate);
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "live-load");
        thread.setDaemon(true);
        return thread;
    }
}
