package io.chatpulse.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chat-core's API over java.net.http. Every changing call carries an Idempotency-Key, so a call
 * retried after a 503 or a lost connection cannot happen twice.
 */
public final class ChatCoreClient {

    /** retryAfter: seconds chat-core asked to wait before retrying, 0 when it did not say. */
    public record Reply(int status, String body, long retryAfter) {
        public Reply(int status, String body) {
            this(status, body, 0);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** A string field of a flat JSON answer. */
        public Optional<String> field(String name) {
            Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
                    .matcher(body == null ? "" : body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }
    }

    static final int ATTEMPTS = 3;
    private static final int NO_ANSWER = -1;
    private static final long MAX_PAUSE_SECONDS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String apiKey;
    private final Stats stats;
    private final AcknowledgedCalls acknowledged;

    public ChatCoreClient(URI base, String apiKey, Stats stats) {
        this(base, apiKey, stats, AcknowledgedCalls.none());
    }

    /** {@code acknowledged}: where each call chat-core acknowledged is written down. */
    public ChatCoreClient(URI base, String apiKey, Stats stats, AcknowledgedCalls acknowledged) {
        this.base = base;
        this.apiKey = apiKey;
        this.stats = stats;
        this.acknowledged = acknowledged;
    }

    public Optional<String> open(String queueId, String channel, String customerId) {
        return call("POST", "/api/v1/conversations",
                Json.object("queueId", queueId, "channel", channel, "customerId", customerId))
                .field("conversationId");
    }

    public Reply message(String conversationId, String sender, String agentId, String text) {
        return call("POST", conversation(conversationId, "/messages"),
                Json.object("sender", sender, "agentId", agentId, "text", text));
    }

    public Reply assign(String conversationId, String agentId) {
        return call("POST", conversation(conversationId, "/assignment"), Json.object("agentId", agentId));
    }

    public Reply resolve(String conversationId) {
        return call("POST", conversation(conversationId, "/resolution"), null);
    }

    public Reply rate(String conversationId, int rating, String comment) {
        return call("POST", conversation(conversationId, "/csat"), Json.object("rating", rating, "comment", comment));
    }

    public Reply abandon(String conversationId) {
        return call("POST", conversation(conversationId, "/abandonment"), Json.object("reason", "CUSTOMER_LEFT"));
    }

    public Reply get(String conversationId) {
        return call("GET", conversation(conversationId, ""), null);
    }

    /** skills: the queues the agent serves, so chat-core routes them nothing else. */
    public Reply agentStatus(String agentId, String status, int capacity, java.util.List<String> skills) {
        return call("PUT", "/api/v1/agents/" + agentId + "/status",
                Json.object("status", status, "capacity", capacity, "skills", skills));
    }

    /** The agent's live stream of what chat-core assigns them; not yet open. */
    AgentStream agentStream(String agentId, java.util.function.BiConsumer<String, String> onEvent) {
        return new AgentStream(http, base, apiKey, agentId, onEvent);
    }

    /** One attempt, no retry and no counting: for the start-up check. */
    public Reply probe(String path) {
        return attempt("GET", path, null, null);
    }

    private static String conversation(String id, String action) {
        return "/api/v1/conversations/" + id + action;
    }

    private Reply call(String method, String path, String json) {
        String key = method.equals("GET") ? null : UUID.randomUUID().toString();
        Reply reply = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            reply = attempt(method, path, json, key);
            if (reply.status() != NO_ANSWER && reply.status() != 503 && reply.status() != 429) {
                break;
            }
            if (attempt < ATTEMPTS) {
                stats.retries.incrementAndGet();
                pause(Duration.ofSeconds(Math.min(MAX_PAUSE_SECONDS, Math.max(attempt, reply.retryAfter()))));
            }
        }
        (reply.ok() ? stats.requestsOk : stats.requestsFailed).incrementAndGet();
        acknowledged.record(method, path, key, reply);
        return reply;
    }

    private Reply attempt(String method, String path, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(20))
                .header("X-Api-Key", apiKey)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            long retryAfter = response.headers().firstValue("Retry-After")
                    .filter(v -> v.matches("\\d{1,6}")).map(Long::parseLong).orElse(0L);
            return new Reply(response.statusCode(), response.body(), retryAfter);
        } catch (IOException e) {
            return new Reply(NO_ANSWER, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(NO_ANSWER, "interrupted");
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
