package io.chatpulse.e2e.fault;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One tenant's customers posting messages at a fixed rate, open loop: message i is due at
 * start + i / rate whatever happened to the ones before, and its latency runs from that due time
 * to the answer, so a stall counts against every message it delayed. At most {@code connections}
 * are in flight (a real client has a pool too); a message still waiting for one when its run ends
 * is not sent and counted as such.
 */
final class OpenLoopChat {

    /** One answer: when it was due and answered (System.nanoTime), status (-1: no answer), its message id. */
    record Sample(long dueNanos, long answeredNanos, int status, String retryAfter, String messageId) {
        long latencyNanos() {
            return answeredNanos - dueNanos;
        }
    }

    /** What a run did: its samples, and the messages it had no free connection for before its end. */
    record Run(long startNanos, long endNanos, List<Sample> samples, long notSent) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            // Two threads for the answers: the test shares two cores with chat-core and the broker.
            .executor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "open-loop-answers");
                t.setDaemon(true);
                return t;
            })).build();
    private final String chatCore;
    private final String apiKey;
    private final List<String> conversations;

    OpenLoopChat(String chatCore, String apiKey, List<String> conversations) {
        this.chatCore = chatCore;
        this.apiKey = apiKey;
        this.conversations = List.copyOf(conversations);
    }

    /** Sends at {@code rate} a second for {@code duration}, then waits for every answer. */
    Run run(int rate, Duration duration, int connections) throws InterruptedException {
        Semaphore free = new Semaphore(connections);
        Phaser inFlight = new Phaser(1);
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long total = rate * duration.toMillis() / 1000;
        long notSent = 0;
        for (long i = 0; i < total; i++) {
            long due = start + Math.round(i * 1e9 / rate);
            LockSupport.parkNanos(due - System.nanoTime());
            if (!free.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                notSent = total - i;
                break;
            }
            inFlight.register();
            client.sendAsync(request(i), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                samples.add(sample(due, response, failure));
                free.release();
                inFlight.arriveAndDeregister();
            });
        }
        long sentUntil = System.nanoTime();
        inFlight.arriveAndAwaitAdvance();
        return new Run(start, sentUntil, new ArrayList<>(samples), notSent);
    }

    private HttpRequest request(long i) {
        String conversation = conversations.get((int) (i % conversations.size()));
        return HttpRequest.newBuilder(URI.create(chatCore + "/api/v1/conversations/" + conversation + "/messages"))
                .timeout(REQUEST_TIMEOUT)
                .header("X-Api-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sender\":\"CUSTOMER\",\"text\":\"message " + i + "\"}"))
                .build();
    }

    private static Sample sample(long due, HttpResponse<String> response, Throwable failure) {
        long now = System.nanoTime();
        if (failure != null) {
            return new Sample(due, now, -1, null, null);
        }
        return new Sample(due, now, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                response.statusCode() / 100 == 2 ? messageId(response.body()) : null);
    }

    private static String messageId(String body) {
        try {
            JsonNode json = Http.JSON.readTree(body);
            return json.path("messageId").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** Opens {@code count} conversations of the tenant, each in the queue, and returns their ids. */
    static List<String> openConversations(String chatCore, String apiKey, String queue, int count) {
        Http http = new Http();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Http.Reply opened = http.postJson(chatCore + "/api/v1/conversations", apiKey,
                    Map.of("queueId", queue, "channel", "WEB", "customerId", apiKey + "-customer-" + i));
            if (opened.status() != 201) {
                throw new IllegalStateException("cannot open a conversation: " + opened.status() + " " + opened.body());
            }
            ids.add(opened.json().path("conversationId").asText());
        }
        return ids;
    }
}
