package io.chatpulse.benchmarks.forecast;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver on a free loopback port for alerting's webhook channel: answers 202 and keeps
 * every request with the instant it arrived, the instant a person would have been told.
 */
public final class AlertHook implements AutoCloseable {

    private final HttpServer server;
    private final List<Delivery> received = new ArrayList<>();

    public AlertHook() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            Instant at = Instant.now();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (received) {
                received.add(new Delivery(at, field(body, "rule"), field(body, "scope"), field(body, "action"),
                        field(body, "notificationId"), field(body, "summary")));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    /** Alerting's settings that send the two queue rules of the demo tenant to this receiver. */
    public String alertingJson() {
        return """
                {"chatpulse":{"alerting":{"channels":{"forecast-hook":{"type":"webhook","url":"%s"}},\
                "routes":[{"tenant":"demo","rules":["%s","%s"],"channels":["forecast-hook"]}]}}}"""
                .formatted(url(), Delivery.PAGE, Delivery.WARNING);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Delivery> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The webhook's body is flat JSON of strings for these fields; no JSON library needed here. */
    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }
}
