package io.chatpulse.e2e.fault;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Customers as a careful client writes them: every post under its own Idempotency-Key, and every
 * post that did not get a 2xx (a 503, or no answer at all) sent again with the same key until it
 * does. Each customer writes in its own conversation of one queue. It keeps the test's record:
 * the message id each key was answered with, and how many answers were retried or replayed.
 */
final class KeyedCustomers implements AutoCloseable {

    private static final long RETRY_PAUSE_MILLIS = 200;

    private final Http http = new Http();
    private final String chatCore;
    private final String apiKey;
    private final String queueId;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> customers = new ArrayList<>();
    /** Conversation id -> the message ids it was answered, one per key. */
    private final Map<String, Set<String>> messages = new ConcurrentHashMap<>();
    private final AtomicInteger retried = new AtomicInteger();
    private final AtomicInteger replayed = new AtomicInteger();
    private final List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile long lastAcknowledgedAt;

    KeyedCustomers(String chatCore, String apiKey, String queueId) {
        this.chatCore = chatCore;
        this.apiKey = apiKey;
        this.queueId = queueId;
    }

    /** Opens one conversation per customer and starts them writing. */
    KeyedCustomers start(int count) {
        for (int i = 0; i < count; i++) {
            Http.Reply opened = untilAcknowledged("/api/v1/conversations",
                    Map.of("queueId", queueId, "channel", "WEB", "customerId", "keyed-customer-" + i));
            String conversation = opened.json().path("conversationId").asText();
            messages.put(conversation, ConcurrentHashMap.newKeySet());
            Thread customer = new Thread(() -> write(conversation), "keyed-customer-" + i);
            customers.add(customer);
            customer.start();
        }
        return this;
    }

    /** Conversation id -> the message ids chat-core acknowledged in it. */
    Map<String, Set<String>> acknowledged() {
        Map<String, Set<String>> copy = new ConcurrentHashMap<>();
        messages.forEach((conversation, ids) -> copy.put(conversation, Set.copyOf(ids)));
        return copy;
    }

    int acknowledgedCount() {
        return messages.values().stream().mapToInt(Set::size).sum();
    }

    /** Posts sent again because an earlier attempt with the same key got no 2xx. */
    int retried() {
        return retried.get();
    }

    /** Answers marked Idempotent-Replayed: the key's message was recorded before. */
    int replayed() {
        return replayed.get();
    }

    /** Answers that are neither 2xx, nor 503, nor none: each stopped its customer. */
    List<String> unexpectedAnswers() {
        return List.copyOf(unexpected);
    }

    boolean acknowledgedSince(long millis) {
        return lastAcknowledgedAt > millis;
    }

    private void write(String conversation) {
        try {
            for (int n = 0; running.get(); n++) {
                Http.Reply posted = untilAcknowledged("/api/v1/conversations/" + conversation + "/messages",
                        Map.of("sender", "CUSTOMER", "text", "message " + n + " under a key"));
                messages.get(conversation).add(posted.json().path("messageId").asText());
            }
        } catch (IllegalStateException e) {
            unexpected.add(conversation + ": " + e.getMessage());
        }
    }

    /**
     * One call under one key, sent until it is answered 2xx: again after a 503 or no answer, the
     * outcomes a client cannot know; any other answer is a failure of the test.
     */
    private Http.Reply untilAcknowledged(String path, Map<String, Object> body) {
        String key = UUID.randomUUID().toString();
        while (true) {
            Http.Reply reply = http.send("POST", chatCore + path, Map.of("X-Api-Key", apiKey,
                    "Content-Type", "application/json", "Idempotency-Key", key), json(body));
            if (reply.status() / 100 == 2) {
                if ("true".equals(reply.header("Idempotent-Replayed"))) {
                    replayed.incrementAndGet();
                }
                lastAcknowledgedAt = System.currentTimeMillis();
                return reply;
            }
            if (reply.status() != 503 && reply.status() != -1) {
                throw new IllegalStateException(path + " answered " + reply.status() + " " + reply.body());
            }
            retried.incrementAndGet();
            Poll.pause(RETRY_PAUSE_MILLIS);
        }
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return Http.JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops the customers once each has its last message acknowledged. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread customer : customers) {
            customer.join(120_000);
        }
    }
}
