package io.chatpulse.e2e.fault;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Customers writing to chat-core from a few threads, each in its own conversation of one queue.
 * It keeps the independent record of the test: every message chat-core acknowledged (2xx, by the
 * message id it answered) and every answer of any other status, with the time it came.
 */
public final class ChatLoad implements AutoCloseable {

    /** One answer to a message post, {@code tookMillis} after it was sent; {@code retryAfter} is the header, null if absent. */
    public record Answer(long atMillis, long tookMillis, int status, String retryAfter) {
    }

    private final Http http = new Http();
    private final String chatCore;
    private final String apiKey;
    private final String queueId;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> customers = new ArrayList<>();
    private final Set<String> acknowledgedMessages = ConcurrentHashMap.newKeySet();
    private final Set<String> conversations = ConcurrentHashMap.newKeySet();
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    public ChatLoad(String chatCore, String apiKey, String queueId) {
        this.chatCore = chatCore;
        this.apiKey = apiKey;
        this.queueId = queueId;
    }

    /** Opens one conversation per customer (Kafka must be up) and starts them writing. */
    public ChatLoad start(int customerCount) {
        for (int i = 0; i < customerCount; i++) {
            String conversation = open("load-customer-" + i);
            Thread customer = new Thread(() -> write(conversation), "chat-load-" + i);
            customers.add(customer);
            customer.start();
        }
        return this;
    }

    public Set<String> acknowledgedMessages() {
        return Set.copyOf(acknowledgedMessages);
    }

    public Set<String> conversations() {
        return Set.copyOf(conversations);
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Whether a message was acknowledged after {@code sinceMillis}. */
    public boolean acknowledgedSince(long sinceMillis) {
        return answers.stream().anyMatch(a -> a.atMillis() > sinceMillis && a.status() / 100 == 2);
    }

    private String open(String customerId) {
        Http.Reply opened = http.postJson(chatCore + "/api/v1/conversations", apiKey,
                Map.of("queueId", queueId, "channel", "WEB", "customerId", customerId));
        if (opened.status() != 201) {
            throw new IllegalStateException("cannot open a conversation: " + opened.status() + " " + opened.body());
        }
        String id = opened.json().path("conversationId").asText();
        conversations.add(id);
        return id;
    }

    private void write(String conversation) {
        int n = 0;
        while (running.get()) {
            long sentAt = System.currentTimeMillis();
            Http.Reply reply = http.postJson(chatCore + "/api/v1/conversations/" + conversation + "/messages", apiKey,
                    Map.of("sender", "CUSTOMER", "text", "message " + n++ + " while the broker may be down"));
            long answeredAt = System.currentTimeMillis();
            answers.add(new Answer(answeredAt, answeredAt - sentAt, reply.status(), reply.header("Retry-After")));
            if (reply.status() / 100 == 2) {
                acknowledgedMessages.add(reply.json().path("messageId").asText());
            } else {
                // A real client backs off on 503; a short pause keeps the outage's answers countable.
                Poll.pause(100);
            }
        }
    }

    /** Stops the customers and waits for their last requests. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread customer : customers) {
            customer.join(60_000);
        }
    }
}
