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
 * requests, then 202, and remembers every request with the instant it arrived. It can be taken
 * down (503 to everything, as a receiver with no healthy backend) and brought back, for the fault
 * tests of {@code io.chatpulse.e2e.fault}.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(Instant at, int answered, JsonNode body) {
        public String action() {
            return body.path("action").asText();
        }

        public String notificationId() {
            return body.path("notificationId").asText();
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft;
    private volatile boolean down;

    public WebhookReceiver(int failuresFirst) throws IOException {
        this.failuresLeft = new AtomicInteger(failuresFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            JsonNode body = JsonHttp.JSON.readTree(exchange.getRequestBody().readAllBytes());
            int status = down ? 503 : failuresLeft.getAndDecrement() > 0 ? 500 : 202;
            synchronized (received) {
                received.add(new Received(Instant.now(), status, body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** From now on every request is answered 503 until {@link #comeBack()}. */
    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
