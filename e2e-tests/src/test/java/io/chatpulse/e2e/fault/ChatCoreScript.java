package io.chatpulse.e2e.fault;

import java.util.Map;

/** A well-behaved client of chat-core: the normal steps of a conversation, each checked. */
final class ChatCoreScript {

    private final Http http = new Http();
    private final String chatCore;
    private final String apiKey;

    ChatCoreScript(String chatCore, String apiKey) {
        this.chatCore = chatCore;
        this.apiKey = apiKey;
    }

    String open(String queueId) {
        Http.Reply opened = expect(201, http.postJson(chatCore + "/api/v1/conversations", apiKey,
                Map.of("queueId", queueId, "channel", "WEB", "customerId", "customer-" + System.nanoTime())));
        return opened.json().path("conversationId").asText();
    }

    /** A customer asks, an agent takes the conversation and answers, and resolves it. */
    void answer(String conversationId, String agentId) {
        customerAsks(conversationId);
        takeOver(conversationId, agentId);
        resolve(conversationId);
    }

    void resolve(String conversationId) {
        step(conversationId, "resolution", 200, Map.of());
    }

    void customerAsks(String conversationId) {
        step(conversationId, "messages", 201, Map.of("sender", "CUSTOMER", "text", "where is my parcel?"));
    }

    /** An agent takes the waiting conversation (ending its queue wait) and answers (its first response). */
    void takeOver(String conversationId, String agentId) {
        step(conversationId, "assignment", 200, Map.of("agentId", agentId));
        step(conversationId, "messages", 201, Map.of("sender", "AGENT", "agentId", agentId, "text", "on its way"));
    }

    private void step(String conversationId, String action, int status, Object body) {
        expect(status, http.postJson(chatCore + "/api/v1/conversations/" + conversationId + "/" + action, apiKey, body));
    }

    private static Http.Reply expect(int status, Http.Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + ", chat-core answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
