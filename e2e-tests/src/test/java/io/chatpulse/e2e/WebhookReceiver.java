package io.chatpulse.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP receiver for alert webhooks. It answers 500 to the first {@code failuresFirst}
 * requests, then 202, and remembers every request with the instant it arrived.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(Instant at, int answered, JsonNode body) {
        String action() {
            return body.path("action").asText();
        }

        String notificationId() {
            return body.path("notificationId").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft;

    WebhookReceiver(int failuresFirst) throws IOException {
        this.failuresLeft = new AtomicInteger(failuresFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            JsonNode body = JsonHttp.JSON.readTree(exchange.getRequestBody().readAllBytes());
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 202;
            synchronized (received) {
                received.add(new Received(Instant.now(), status, body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
