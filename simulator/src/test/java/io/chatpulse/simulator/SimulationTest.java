package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The simulation against a stand-in for chat-core that records every call: each conversation's
 * calls come in a lawful order and no agent ever holds more than the capacity.
 */
class SimulationTest {

    private static final Pattern CONVERSATION = Pattern.compile("/api/v1/conversations/([^/]+)(/(\\w+))?");
    private static final int CAPACITY = 2;

    private final Map<String, List<String>> callsByConversation = new HashMap<>();
    private final Map<String, String> agentOf = new HashMap<>();
    private final Map<String, Integer> load = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void conversationsFollowTheirLifecycleWithinAgentCapacity() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        Options options = Options.parse("--url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "--routing", "simulator", "--rate", "600", "--pace", "0.02", "--agents", "2", "--agent-capacity", String.valueOf(CAPACITY),
                "--seed", "7", "--progress", "1h");
        Stats stats = new Stats();
        Simulation simulation = new Simulation(options, new ChatCoreClient(options.url(), "demo-key", stats), stats,
                new PrintStream(OutputStream.nullOutputStream()));

        simulation.start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while ((stats.resolved.get() < 5 || stats.rated.get() < 2) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        simulation.stop();

        assertThat(stats.resolved.get()).isGreaterThanOrEqualTo(5);
        assertThat(stats.requestsFailed.get()).isZero();
        synchronized (this) {
            assertThat(violations).isEmpty();
            // Conversations cut short by the stop end anywhere along the way.
            assertThat(callsByConversation.values()).allSatisfy(calls -> assertThat(String.join(" ", calls))
                    .matches("(message:CUSTOMER( abandonment| assignment( message:(AGENT|CUSTOMER))*"
                            + "( resolution( csat)?)?)?)?"));
        }
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!"demo-key".equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))
                || (!method.equals("GET") && exchange.getRequestHeaders().getFirst("Idempotency-Key") == null)) {
            violations.add("missing header on " + method + " " + path);
        }
        if (method.equals("POST") && path.equals("/api/v1/conversations")) {
            String id = "c-" + opened.incrementAndGet();
            callsByConversation.put(id, new ArrayList<>());
            send(exchange, 201, "{\"conversationId\":\"" + id + "\",\"state\":\"QUEUED\"}");
            return;
        }
        Matcher m = CONVERSATION.matcher(path);
        if (!m.matches() || !callsByConversation.containsKey(m.group(1))) {
            send(exchange, 404, "{}");
            return;
        }
        String id = m.group(1);
        String action = m.group(3) == null ? "get" : m.group(3);
        if (action.equals("messages")) {
            action = "message:" + field(body, "sender");
        }
        if (action.equals("assignment")) {
            String agent = field(body, "agentId");
            agentOf.put(id, agent);
            if (load.merge(agent, 1, Integer::sum) > CAPACITY) {
                violations.add(agent + " over capacity");
            }
        }
        if (action.equals("resolution")) {
            load.merge(agentOf.get(id), -1, Integer::sum);
        }
        if (!action.equals("get")) {
            callsByConversation.get(id).add(action);
        }
        send(exchange, method.equals("GET") || action.equals("assignment") || action.equals("resolution")
                || action.equals("abandonment") ? 200 : 201, "{\"messageId\":\"m\"}");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
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
