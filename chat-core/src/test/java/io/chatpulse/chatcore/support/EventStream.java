package io.chatpulse.chatcore.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A real HTTP client reading a Server-Sent Events stream, event by event, with deadlines. */
public final class EventStream implements AutoCloseable {

    /** One event: its name and its data line. */
    public record Event(String name, String data) {
    }

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Stream<String> body;
    private final int status;

    public EventStream(int port, String path, String apiKey) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Api-Key", apiKey).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        status = response.statusCode();
        body = response.body();
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the stream ends when the test closes it
            }
        }, "sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    public int status() {
        return status;
    }

    /** Waits for the subscription's opening comment, so events after this call are not missed. */
    public EventStream awaitSubscribed() throws InterruptedException {
        String line = lines.poll(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || !line.startsWith(":")) {
            throw new AssertionError("no opening comment on the stream, got " + line);
        }
        return this;
    }

    /** The next events up to and including the first named {@code name}; fails after the deadline. */
    public List<Event> until(String name) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        String event = null;
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no " + name + " event within " + DEADLINE + "; saw " + seen);
            }
            if (line.startsWith("event:")) {
                event = line.substring(6).trim();
            } else if (line.startsWith("data:") && event != null) {
                seen.add(new Event(event, line.substring(5).trim()));
                if (event.equals(name)) {
                    return seen;
                }
                event = null;
            }
        }
    }

    @Override
    public void close() {
        body.close();
    }
}
