package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the simulator writes down of chat-core's acknowledgements, against a stand-in for chat-core. */
class AcknowledgedCallsTest {

    @TempDir
    Path folder;
    private final Map<String, String> keyOf = new ConcurrentHashMap<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void eachKindOfChangeHasItsLine() {
        ChatCoreClient.Reply created = new ChatCoreClient.Reply(201, "{\"conversationId\":\"c-1\",\"state\":\"QUEUED\"}");
        ChatCoreClient.Reply ok = new ChatCoreClient.Reply(200, "{}");

        assertThat(AcknowledgedCalls.line("POST", "/api/v1/conversations", "k1", created)).contains("open\tc-1\tk1\t201");
        assertThat(AcknowledgedCalls.line("POST", "/api/v1/conversations/c-1/messages", "k2", created))
                .contains("message\tc-1\tk2\t201");
        assertThat(AcknowledgedCalls.line("POST", "/api/v1/conversations/c-1/assignment", "k3", ok))
                .contains("assignment\tc-1\tk3\t200");
        assertThat(AcknowledgedCalls.line("POST", "/api/v1/conversations/c-1/csat", "k4", ok)).contains("csat\tc-1\tk4\t200");
        assertThat(AcknowledgedCalls.line("PUT", "/api/v1/agents/agent-1/status", "k5", ok))
                .contains("agent-status\tagent-1\tk5\t200");
        assertThat(AcknowledgedCalls.line("GET", "/api/v1/conversations/c-1", "k6", ok)).isEmpty();
    }

    /** Only 2xx answers count, each with the key the call really carried; the file is readable while still open. */
    @Test
    void theClientWritesDownWhatChatCoreAcknowledgedWithTheKeyItSent() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        Path file = folder.resolve("acknowledged.tsv");
        Files.writeString(file, "open\tc-0\tearlier-run\t201\n");
        AcknowledgedCalls acknowledged = AcknowledgedCalls.appendingTo(file);
        ChatCoreClient client = new ChatCoreClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "demo-key", new Stats(), acknowledged);

        assertThat(client.open("support", "WEB", "customer-1")).contains("c-1");
        assertThat(client.message("c-1", "CUSTOMER", null, "hello").status()).isEqualTo(201);
        assertThat(client.resolve("c-1").status()).isEqualTo(409);
        client.get("c-1");

        assertThat(Files.readAllLines(file)).containsExactly(
                "open\tc-0\tearlier-run\t201",
                "open\tc-1\t" + keyOf.get("POST /api/v1/conversations") + "\t201",
                "message\tc-1\t" + keyOf.get("POST /api/v1/conversations/c-1/messages") + "\t201");
        acknowledged.close();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        if (key != null) {
            keyOf.put(call, key);
        }
        switch (call) {
            case "POST /api/v1/conversations" -> send(exchange, 201, "{\"conversationId\":\"c-1\",\"state\":\"QUEUED\"}");
            case "POST /api/v1/conversations/c-1/messages" -> send(exchange, 201, "{\"messageId\":\"m-1\"}");
            case "POST /api/v1/conversations/c-1/resolution" -> send(exchange, 409, "{\"title\":\"not assigned\"}");
            default -> send(exchange, 200, "{\"conversationId\":\"c-1\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
