package io.chatpulse.alerting.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP receiver for the tests: records every JSON body per path, answers as scripted (default 202). */
final class Receiver implements AutoCloseable {

    record Request(String path, Map<String, Object> body, long receivedAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();

    private Receiver(HttpServer server) {
        this.server = server;
    }

    static Receiver start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Receiver receiver = new Receiver(server);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return receiver;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next answers on {@code path}, then 202 again. */
    void answer(String path, Integer... statuses) {
        scripts.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(Arrays.asList(statuses));
    }

    List<Map<String, Object>> bodies(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).map(Request::body).toList();
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, JSON.readValue(body, Map.class), System.currentTimeMillis()));
            Deque<Integer> script = scripts.get(path);
            Integer scripted = script == null ? null : script.poll();
            int status = scripted == null ? 202 : scripted;
            byte[] answer = (status < 300 ? "{\"status\":\"success\"}" : "{\"status\":\"error\"}").getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
