package io.chatpulse.benchmarks;

import com.sun.net.httpserver.HttpServer;
import io.chatpulse.bench.Percentiles;
import io.chatpulse.localstack.LocalStack;
import io.chatpulse.localstack.StackSettings;
import io.chatpulse.localstack.process.Ports;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paging target end to end: from the instant a waiting conversation passes the queue_wait
 * threshold to the webhook request arriving, through chat-core, Kafka, the queue monitor and
 * alerting, all started by the local runner. Each conversation waits alone in its own queue.
 * Arguments: [conversations=20] [threshold-seconds=10] [group-wait, default alerting's own].
 * The latency does not depend on the threshold; a short one keeps the run short.
 */
public final class PagingLatencyBenchmark {

    private static final Pattern SCOPE = Pattern.compile("\"scope\"\\s*:\\s*\"queue:([^\"]+)\"");
    private static final Pattern ACTION = Pattern.compile("\"action\"\\s*:\\s*\"trigger\"");
    private static final Pattern FIELD = Pattern.compile("\"(conversationId|waitingSince)\"\\s*:\\s*\"([^\"]+)\"");

    private PagingLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int conversations = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int thresholdSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String groupWait = args.length > 2 ? args[2] : null;
        Map<String, Instant> pagedAt = new ConcurrentHashMap<>();
        HttpServer receiver = receiver(pagedAt);
        Path home = Path.of(System.getProperty("chatpulse.home", ".")).toAbsolutePath();
        StackSettings settings = StackSettings.defaults(home)
                .withDataDir(Files.createTempDirectory("chatpulse-bench-paging"))
                .withPorts(Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free())
                .withSimulatorRate(0);
        Map<String, String> alerting = new java.util.HashMap<>(Map.of("SPRING_APPLICATION_JSON", """
                {"chatpulse":{"alerting":{"channels":{"bench":{"type":"webhook","url":"http://127.0.0.1:%d/hook"}},\
                "routes":[{"tenant":"demo","rules":["queue_wait"],"channels":["bench"]}]}}}"""
                .formatted(receiver.getAddress().getPort())));
        if (groupWait != null) {
            alerting.put("ALERTING_GROUP_WAIT", groupWait);
        }
        System.out.printf("paging latency: %d conversations, threshold %d s, group wait %s%n", conversations,
                thresholdSeconds, groupWait == null ? "alerting's default" : groupWait);
        try (LocalStack stack = LocalStack.start(settings, Map.of("alerting", alerting,
                "queue-monitor", Map.of("ALERT_RULES", "queue_wait.threshold=" + thresholdSeconds + "s")), System.out)) {
            Map<String, Instant> passes = openWaitingConversations(settings, conversations, thresholdSeconds);
            awaitPages(pagedAt, passes.keySet(), Duration.ofSeconds(thresholdSeconds + 120L));
            report(passes, pagedAt);
        } finally {
            receiver.stop(0);
        }
    }

    private static Map<String, Instant> openWaitingConversations(StackSettings settings, int n, int thresholdSeconds)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Instant> passes = new ConcurrentHashMap<>();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < n; i++) {
            String queue = "bench-" + run + "-" + i;
            HttpResponse<String> opened = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + settings.chatCorePort() + "/api/v1/conversations"))
                    .header("X-Api-Key", settings.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"queueId\":\"" + queue
                            + "\",\"channel\":\"WEB\",\"customerId\":\"bench-" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (opened.statusCode() != 201) {
                throw new IllegalStateException("open failed: " + opened.statusCode() + " " + opened.body());
            }
            Matcher m = FIELD.matcher(opened.body());
            while (m.find()) {
                if (m.group(1).equals("waitingSince")) {
                    passes.put(queue, Instant.parse(m.group(2)).plusSeconds(thresholdSeconds));
                }
            }
            Thread.sleep(250);
        }
        return passes;
    }

    private static HttpServer receiver(Map<String, Instant> pagedAt) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            Instant now = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Matcher scope = SCOPE.matcher(body);
            if (ACTION.matcher(body).find() && scope.find()) {
                pagedAt.putIfAbsent(scope.group(1), now);
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static void awaitPages(Map<String, Instant> pagedAt, java.util.Set<String> queues, Duration within)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!pagedAt.keySet().containsAll(queues) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private static void report(Map<String, Instant> passes, Map<String, Instant> pagedAt) {
        List<Long> millis = new ArrayList<>();
        passes.forEach((queue, passed) -> {
            Instant paged = pagedAt.get(queue);
            if (paged != null) {
                millis.add(Duration.between(passed, paged).toMillis());
            }
        });
        millis.sort(null);
        if (millis.isEmpty()) {
            throw new IllegalStateException("no page arrived");
        }
        System.out.printf("pages received: %d of %d%n", millis.size(), passes.size());
        System.out.printf("threshold passed -> webhook request: p50 %d ms, p99 %d ms, min %d ms, max %d ms%n",
                Percentiles.nearestRank(millis, 0.50), Percentiles.nearestRank(millis, 0.99), millis.get(0),
                millis.get(millis.size() - 1));
    }
}
