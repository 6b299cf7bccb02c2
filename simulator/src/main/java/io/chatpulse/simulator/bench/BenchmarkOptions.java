package io.chatpulse.simulator.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** Options of the message benchmark; {@link #parse} fails naming the bad option. */
record BenchmarkOptions(URI url, String apiKey, String queue, int conversations, int concurrency,
        Duration duration, Duration warmup, boolean help) {

    static final String USAGE = """
            Usage: java -cp simulator.jar io.chatpulse.simulator.bench.MessageBenchmark [options]

            Opens N conversations in chat-core, then posts customer messages to them from C
            concurrent HTTP/1.1 keep-alive connections for a while, and prints messages accepted
            per second and the latency of the message call (p50, p99, p999).

              --url URL            chat-core base URL (default http://localhost:8080)
              --api-key KEY        X-Api-Key (default demo-key)
              --queue Q            queue of the conversations (default support)
              --conversations N    conversations to spread the messages over (default 1000)
              --concurrency C      concurrent connections, one request in flight each (default 64)
              --duration D         measured time, e.g. 30s, 2m (default 30s)
              --warmup D           unmeasured load before it (default 10s)
            """;

    static BenchmarkOptions parse(String... args) {
        BenchmarkOptions o = new BenchmarkOptions(URI.create("http://localhost:8080"), "demo-key", "support", 1000,
                64, Duration.ofSeconds(30), Duration.ofSeconds(10), false);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help")) {
                return new BenchmarkOptions(o.url, o.apiKey, o.queue, o.conversations, o.concurrency, o.duration,
                        o.warmup, true);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = args[++i];
            o = switch (name) {
                case "--url" -> new BenchmarkOptions(URI.create(v), o.apiKey, o.queue, o.conversations, o.concurrency,
                        o.duration, o.warmup, false);
                case "--api-key" -> new BenchmarkOptions(o.url, v, o.queue, o.conversations, o.concurrency,
                        o.duration, o.warmup, false);
                case "--queue" -> new BenchmarkOptions(o.url, o.apiKey, v, o.conversations, o.concurrency,
                        o.duration, o.warmup, false);
                case "--conversations" -> new BenchmarkOptions(o.url, o.apiKey, o.queue, positive(name, v),
                        o.concurrency, o.duration, o.warmup, false);
                case "--concurrency" -> new BenchmarkOptions(o.url, o.apiKey, o.queue, o.conversations,
                        positive(name, v), o.duration, o.warmup, false);
                case "--duration" -> new BenchmarkOptions(o.url, o.apiKey, o.queue, o.conversations, o.concurrency,
                        duration(name, v), o.warmup, false);
                case "--warmup" -> new BenchmarkOptions(o.url, o.apiKey, o.queue, o.conversations, o.concurrency,
                        o.duration, duration(name, v), false);
                default -> throw new IllegalArgumentException("unknown option " + name);
            };
        }
        return o;
    }

    private static int positive(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive whole number, got " + v);
    }

    /** 90s, 5m, 1h, or an ISO-8601 duration. */
    static Duration duration(String name, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT);
        try {
            if (s.startsWith("p")) {
                return Duration.parse(v);
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(name + " must look like 30s, 5m or 1h, got " + v);
        }
    }
}
