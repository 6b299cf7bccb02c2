package io.chatpulse.simulator.bench;

import io.chatpulse.bench.Percentiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message benchmark: how many messages chat-core accepts per second (each acknowledged by
 * Kafka before the 201), and how long the call takes. Closed loop: each of C connections sends
 * its next message as soon as the previous one is answered.
 */
public final class MessageBenchmark {

    private static final Pattern CONVERSATION_ID = Pattern.compile("\"conversationId\"\\s*:\\s*\"([^\"]+)\"");

    private final BenchmarkOptions options;
    private final AtomicLong errors = new AtomicLong();
    private volatile String firstError;

    MessageBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(BenchmarkOptions.USAGE);
            return;
        }
        new MessageBenchmark(options).run();
    }

    void run() throws Exception {
        List<String> conversations = openConversations();
        System.out.printf(Locale.ROOT, "opened %d conversations; warm-up %ds, then %ds with %d connections%n",
                conversations.size(), options.warmup().toSeconds(), options.duration().toSeconds(),
                options.concurrency());
        phase(conversations, options.warmup().toNanos());
        errors.set(0);
        long started = System.nanoTime();
        List<Latencies> recorded = phase(conversations, options.duration().toNanos());
        double seconds = (System.nanoTime() - started) / 1e9;
        long[] sorted = Latencies.sorted(recorded);
        System.out.printf(Locale.ROOT,
                "messages accepted: %d in %.1f s = %.0f messages/s (events/s)%n"
                        + "latency of POST /messages: p50 %.2f ms, p99 %.2f ms, p999 %.2f ms, max %.2f ms%n"
                        + "errors: %d%s%n",
                sorted.length, seconds, sorted.length / seconds, ms(percentile(sorted, 0.50)),
                ms(percentile(sorted, 0.99)), ms(percentile(sorted, 0.999)),
                ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]), errors.get(),
                firstError == null ? "" : " (first: " + firstError + ")");
    }

    private List<String> openConversations() throws IOException {
        List<String> ids = new ArrayList<>();
        try (KeepAliveConnection connection = new KeepAliveConnection(options.url(), options.apiKey())) {
            for (int i = 0; i < options.conversations(); i++) {
                KeepAliveConnection.Response r = connection.post("/api/v1/conversations",
                        "{\"queueId\":\"" + options.queue() + "\",\"channel\":\"WEB\",\"customerId\":\"bench-" + i
                                + "\"}");
                Matcher m = CONVERSATION_ID.matcher(r.body());
                if (r.status() != 201 || !m.find()) {
                    throw new IllegalStateException("cannot open a conversation: " + r.status() + " " + r.body());
                }
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** Runs C workers for the given time; returns what each recorded. */
    private List<Latencies> phase(List<String> conversations, long nanos) throws InterruptedException {
        long end = System.nanoTime() + nanos;
        List<Latencies> recorded = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < options.concurrency(); w++) {
            Latencies latencies = new Latencies();
            recorded.add(latencies);
            int worker = w;
            Thread thread = new Thread(() -> work(worker, conversations, end, latencies), "bench-" + w);
            workers.add(thread);
            thread.start();
        }
        for (Thread thread : workers) {
            thread.join();
        }
        return recorded;
    }

    private void work(int worker, List<String> conversations, long end, Latencies latencies) {
        try (KeepAliveConnection connection = new KeepAliveConnection(options.url(), options.apiKey())) {
            for (long n = worker; System.nanoTime() < end; n += options.concurrency()) {
                String path = "/api/v1/conversations/" + conversations.get((int) (n % conversations.size()))
                        + "/messages";
                long started = System.nanoTime();
                try {
                    KeepAliveConnection.Response r = connection.post(path,
                            "{\"sender\":\"CUSTOMER\",\"text\":\"benchmark message " + n + "\"}");
                    if (r.status() == 201) {
                        latencies.add(System.nanoTime() - started);
                    } else {
                        error(r.status() + " " + r.body());
                    }
                } catch (IOException | RuntimeException e) {
                    error(e.toString());
                }
            }
        }
    }

    private void error(String what) {
        if (errors.getAndIncrement() == 0) {
            firstError = what;
        }
    }

    /** Nearest rank, as every benchmark of the project reports; 0 when no message was accepted. */
    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : Percentiles.nearestRank(sorted, p);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
