package io.chatpulse.e2e.fault;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Hostile requests over every endpoint of chat-core's README, generated from a seed. */
final class ChatCoreCorpus {

    /** A body-taking endpoint: its path (after the base), method, a valid body and the field to break. */
    private record Endpoint(String method, String path, String validBody, String field) {

        /** Abandon and reopen take an optional body: JSON null is no body, a valid request. */
        boolean bodyOptional() {
            return path.endsWith("/abandonment") || path.endsWith("/reopen");
        }
    }

    private static final int FIVE_MB = 5 * 1024 * 1024;
    private final CorpusTargets t;
    private final Random random;
    private final List<Probe> probes = new ArrayList<>();

    private ChatCoreCorpus(CorpusTargets targets) {
        this.t = targets;
        this.random = new Random(targets.seed());
    }

    static List<Probe> of(CorpusTargets targets) {
        ChatCoreCorpus corpus = new ChatCoreCorpus(targets);
        corpus.badAuthEverywhere();
        corpus.brokenBodies();
        corpus.hostileIds();
        corpus.otherTenantsConversation();
        corpus.injectionInFreeText();
        corpus.addAll(UnknownRequests.of(targets.baseUrl(), targets.ownKey(), "/api/v1/queues",
                "/api/v1/conversations/" + targets.ownConversation()));
        return corpus.probes;
    }

    private List<Endpoint> actionsOn(String conversation) {
        String c = "/api/v1/conversations/" + conversation;
        return List.of(
                new Endpoint("POST", c + "/messages", "{\"sender\":\"CUSTOMER\",\"text\":\"hi\"}", "sender"),
                new Endpoint("POST", c + "/assignment", "{\"agentId\":\"agent-1\"}", "agentId"),
                new Endpoint("POST", c + "/transfer", "{\"toQueueId\":\"billing\"}", "toQueueId"),
                new Endpoint("POST", c + "/handoff", "{\"queueId\":\"support\"}", "queueId"),
                new Endpoint("POST", c + "/abandonment", "{\"reason\":\"CUSTOMER_LEFT\"}", "reason"),
                new Endpoint("POST", c + "/reopen", "{\"reopenedBy\":\"CUSTOMER\"}", "reopenedBy"),
                new Endpoint("POST", c + "/csat", "{\"rating\":5}", "rating"));
    }

    private List<Endpoint> bodyEndpoints() {
        List<Endpoint> all = new ArrayList<>(actionsOn(t.ownConversation()));
        all.add(new Endpoint("POST", "/api/v1/conversations",
                "{\"queueId\":\"support\",\"channel\":\"WEB\",\"customerId\":\"c-1\"}", "channel"));
        all.add(new Endpoint("PUT", "/api/v1/agents/fuzz-agent/status",
                "{\"status\":\"ONLINE\",\"capacity\":5,\"skills\":[]}", "status"));
        return all;
    }

    /** Every endpoint, bodiless ones included, on the caller's own conversation. */
    private List<Endpoint> everyEndpoint() {
        String c = "/api/v1/conversations/" + t.ownConversation();
        List<Endpoint> all = new ArrayList<>(bodyEndpoints());
        all.add(new Endpoint("POST", c + "/resolution", null, null));
        all.add(new Endpoint("GET", c, null, null));
        all.add(new Endpoint("GET", c + "/stream", null, null));
        all.add(new Endpoint("GET", "/api/v1/agents/fuzz-agent", null, null));
        all.add(new Endpoint("GET", "/api/v1/agents/fuzz-agent/stream", null, null));
        all.add(new Endpoint("GET", "/api/v1/queues", null, null));
        all.add(new Endpoint("GET", "/api/v1/queues/support", null, null));
        return all;
    }

    private void badAuthEverywhere() {
        for (Endpoint e : everyEndpoint()) {
            HostileValues.badAuth().forEach((what, headers) -> add(Probe.refused("chat-core " + what, e.method(),
                    t.baseUrl() + e.path(), withJsonType(headers), e.validBody())));
        }
    }

    private void brokenBodies() {
        for (Endpoint e : bodyEndpoints()) {
            String f = "\"" + e.field() + "\"";
            refusedBody(e, "truncated JSON", "{" + f + ":");
            refusedBody(e, "not JSON", "hello, is this JSON?");
            if (e.bodyOptional()) {
                add(Probe.tolerated("body: JSON null", e.method(), t.baseUrl() + e.path(), Probe.json(t.ownKey()), "null"));
            } else {
                refusedBody(e, "JSON null", "null");
            }
            refusedBody(e, "array for an object", "[1,2,3]");
            refusedBody(e, "object for a field", "{" + f + ":{\"nested\":[true]}}");
            refusedBody(e, "array for a field", "{" + f + ":[\"a\",\"b\"]}");
            refusedBody(e, "unicode garbage", "{" + f + ":" + HostileValues.jsonString(HostileValues.unicodeGarbage(random, 150)) + "}");
            refusedBody(e, "deep nesting", "{" + f + ":" + "[".repeat(50_000));
            refusedBody(e, "5000-digit number", "{" + f + ":" + "9".repeat(5_000) + "}");
            refusedBody(e, "5 MB body", "{" + f + ":\"" + "x".repeat(FIVE_MB) + "\"}");
            add(Probe.refused("invalid UTF-8", e.method(), t.baseUrl() + e.path(), Probe.json(t.ownKey()), null)
                    .withBody(invalidUtf8(f)));
            add(Probe.refused("text/plain body", e.method(), t.baseUrl() + e.path(),
                    Map.of("X-Api-Key", t.ownKey(), "Content-Type", "text/plain"), e.validBody()));
        }
    }

    private void refusedBody(Endpoint e, String what, String body) {
        add(Probe.refused("body: " + what, e.method(), t.baseUrl() + e.path(), Probe.json(t.ownKey()), body));
    }

    private static byte[] invalidUtf8(String field) {
        byte[] start = ("{" + field + ":\"").getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        byte[] body = new byte[start.length + bad.length + 2];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(bad, 0, body, start.length, bad.length);
        body[body.length - 2] = '"';
        body[body.length - 1] = '}';
        return body;
    }

    /** Ids that name no conversation of the caller: injections, garbage, traversal, very long. */
    private List<String> idsOfNoConversation() {
        List<String> ids = new ArrayList<>(HostileValues.SQL);
        ids.add(HostileValues.unicodeGarbage(random, 20));
        ids.add(HostileValues.unicodeGarbage(random, 60));
        ids.add("i".repeat(3_000));
        ids.add("../../actuator/env");
        ids.add("%00");
        return ids;
    }

    private void hostileIds() {
        for (String id : idsOfNoConversation()) {
            String encoded = HostileValues.encoded(id);
            for (Endpoint e : actionsOn(encoded)) {
                add(Probe.refused("hostile conversation id", e.method(), t.baseUrl() + e.path(), Probe.json(t.ownKey()),
                        e.validBody()));
            }
            String c = t.baseUrl() + "/api/v1/conversations/" + encoded;
            add(Probe.refused("hostile conversation id", "GET", c, Probe.key(t.ownKey()), null));
            add(Probe.refused("hostile conversation id", "GET", c + "/stream", Probe.key(t.ownKey()), null));
            add(Probe.refused("hostile conversation id", "POST", c + "/resolution", Probe.key(t.ownKey()), null));
            add(Probe.refused("hostile agent id", "GET", t.baseUrl() + "/api/v1/agents/" + encoded,
                    Probe.key(t.ownKey()), null));
            add(Probe.tolerated("hostile queue id", "GET", t.baseUrl() + "/api/v1/queues/" + encoded,
                    Probe.key(t.ownKey()), null));
        }
    }

    /** The other tenant's conversation, asked for with the caller's key: it must not exist for them. */
    private void otherTenantsConversation() {
        String c = t.baseUrl() + "/api/v1/conversations/" + t.otherConversation();
        for (Endpoint e : actionsOn(t.otherConversation())) {
            add(Probe.refused("other tenant's conversation", e.method(), t.baseUrl() + e.path(),
                    Probe.json(t.ownKey()), e.validBody()));
        }
        add(Probe.refused("other tenant's conversation", "GET", c, Probe.key(t.ownKey()), null));
        add(Probe.refused("other tenant's conversation", "GET", c + "/stream", Probe.key(t.ownKey()), null));
        add(Probe.refused("other tenant's conversation", "POST", c + "/resolution", Probe.key(t.ownKey()), null));
        // And the other way round: the other tenant's key on the caller's conversation.
        for (Endpoint e : actionsOn(t.ownConversation())) {
            add(Probe.refused("other tenant's key", e.method(), t.baseUrl() + e.path(), Probe.json(t.otherTenantKey()),
                    e.validBody()));
        }
    }

    /** Injections and garbage as free-text values are data like any other: stored, echoed, never run. */
    private void injectionInFreeText() {
        for (String sql : HostileValues.SQL) {
            String quoted = HostileValues.jsonString(sql);
            add(Probe.tolerated("SQL as a queue", "POST", t.baseUrl() + "/api/v1/conversations", Probe.json(t.ownKey()),
                    "{\"queueId\":" + quoted + ",\"channel\":\"WEB\",\"customerId\":" + quoted + "}"));
            add(Probe.tolerated("SQL as a message", "POST", t.baseUrl() + "/api/v1/conversations/" + t.ownConversation()
                    + "/messages", Probe.json(t.ownKey()), "{\"sender\":\"CUSTOMER\",\"text\":" + quoted + "}"));
        }
        String garbage = HostileValues.jsonString(HostileValues.unicodeGarbage(random, 80));
        add(Probe.tolerated("unicode garbage as a message", "POST", t.baseUrl() + "/api/v1/conversations/"
                + t.ownConversation() + "/messages", Probe.json(t.ownKey()), "{\"sender\":\"CUSTOMER\",\"text\":" + garbage + "}"));
    }

    private static Map<String, String> withJsonType(Map<String, String> headers) {
        Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    private void add(Probe probe) {
        probes.add(probe);
    }

    private void addAll(List<Probe> more) {
        probes.addAll(more);
    }
}
