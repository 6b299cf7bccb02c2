package io.chatpulse.metrics.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real headless Chromium driven over the DevTools protocol. {@code --dump-dom} with
 * {@code --virtual-time-budget} cannot be used for a page that holds an EventSource open: virtual
 * time does not advance while a request is pending, so Chromium never dumps. Instead the page runs
 * in real time and its DOM is read with Runtime.evaluate until it shows what is expected.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final WebSocket socket;
    private final Path stderr;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, WebSocket socket, Path stderr) {
        this.process = process;
        this.socket = socket;
        this.stderr = stderr;
    }

    /** Starts Chromium on {@code url} with a new profile under {@code workDir}. */
    public static HeadlessChromium open(Path chromium, Path workDir, String url) throws Exception {
        Path profile = Files.createTempDirectory(workDir, "chromium-");
        Path stderr = profile.resolve("stderr.log");
        Process process = new ProcessBuilder(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--remote-debugging-port=0", url))
                .redirectOutput(profile.resolve("stdout.log").toFile()).redirectError(stderr.toFile()).start();
        try {
            int port = devToolsPort(profile.resolve("DevToolsActivePort"), process, stderr);
            HeadlessChromium[] self = new HeadlessChromium[1];
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(pageSocket(port)), new Listener(message -> self[0].reply(message)))
                    .get(30, TimeUnit.SECONDS);
            self[0] = new HeadlessChromium(process, socket, stderr);
            return self[0];
        } catch (Exception | AssertionError e) {
            stop(process);
            throw e;
        }
    }

    /** The page's DOM as soon as {@code ready} holds for it, else the last one seen after {@code timeout}. */
    public String domWhen(Predicate<String> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String dom = "";
        while (System.nanoTime() < deadline) {
            dom = evaluate("document.documentElement.outerHTML");
            if (ready.test(dom)) {
                return dom;
            }
            Thread.sleep(200);
        }
        return dom;
    }

    public String evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        return result.path("result").path("result").path("value").asString("");
    }

    /** A PNG of the page as it looks now, for a person to check the layout. */
    public void screenshot(Path png) throws Exception {
        JsonNode result = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.write(png, java.util.Base64.getDecoder().decode(result.path("result").path("data").asString("")));
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true)
                .get(10, TimeUnit.SECONDS);
        return reply.get(30, TimeUnit.SECONDS);
    }

    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    private void reply(String message) {
        JsonNode node = JSON.readTree(message);
        if (node.has("id")) {
            CompletableFuture<JsonNode> reply = replies.remove(node.get("id").asInt());
            if (reply != null) {
                reply.complete(node);
            }
        }
    }

    @Override
    public void close() {
        socket.abort();
        stop(process);
    }

    // Only this Chromium and the processes it started, never any other.
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int devToolsPort(Path file, Process process, Path stderr) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return Integer.parseInt(lines.get(0).strip());
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("chromium exited with " + process.exitValue() + ": "
                        + Files.readString(stderr));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromium did not open its DevTools port in 30 s: " + Files.readString(stderr));
    }

    private static String pageSocket(int port) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (JsonNode target : JSON.readTree(list)) {
                if ("page".equals(target.path("type").asString(""))) {
                    return target.get("webSocketDebuggerUrl").asString();
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("chromium opened no page in 30 s");
    }

    /** Collects the frames of each text message and hands on whole messages. */
    private static final class Listener implements WebSocket.Listener {

        private final java.util.function.Consumer<String> messages;
        private final StringBuilder partial = new StringBuilder();

        Listener(java.util.function.Consumer<String> messages) {
            this.messages = messages;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                messages.accept(message);
            }
            webSocket.request(1);
            return null;
        }
    }
}
