package io.chatpulse.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * One agent's live stream from chat-core ({@code GET /api/v1/agents/{id}/stream}, Server-Sent
 * Events): how a desk learns what chat-core assigned to the agent or took back. Read on a thread
 * of its own; reconnects after a second when the connection drops (what happened meanwhile is
 * not replayed: the customer's side notices, see {@link Journey}).
 */
final class AgentStream {

    private final HttpClient http;
    private final URI uri;
    private final String apiKey;
    private final BiConsumer<String, String> onEvent;
    private volatile boolean closed;
    private volatile InputStream body;

    /** onEvent: the event's name (e.g. AgentAssigned) and its JSON data. */
    AgentStream(HttpClient http, URI base, String apiKey, String agentId, BiConsumer<String, String> onEvent) {
        this.http = http;
        this.uri = base.resolve("/api/v1/agents/" + agentId + "/stream");
        this.apiKey = apiKey;
        this.onEvent = onEvent;
    }

    /**
     * Returns once chat-core has answered the subscription (so nothing assigned from now on is
     * missed), or false when it could not be reached; the reading goes on in the background.
     */
    boolean open() {
        boolean subscribed = connect();
        Thread reader = new Thread(() -> {
            boolean connected = subscribed;
            while (!closed) {
                if (connected) {
                    read();
                }
                pause();
                connected = !closed && connect();
            }
        }, "agent-stream");
        reader.setDaemon(true);
        reader.start();
        return subscribed;
    }

    void close() {
        closed = true;
        InputStream current = body;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    private boolean connect() {
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-Api-Key", apiKey)
                .header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                return false;
            }
            body = response.body();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
            return false;
        }
    }

    /** Server-Sent Events: "event:" and "data:" lines, an empty line ends an event, ":" a comment. */
    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (name != null && !data.isEmpty()) {
                        onEvent.accept(name, data.toString());
                    }
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // connection dropped or closed: reconnect unless closing
        }
    }

    private static void pause() {
        try {
            Thread.sleep(Duration.ofSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
