package io.chatpulse.metrics.live;

import io.chatpulse.metrics.tenancy.Tenant;
import io.chatpulse.metrics.time.Timestamps;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the live queue state to every open stream once per {@code chatpulse.live.stream-interval}.
 * The state is computed once per tenant and timezone per tick, however many wallboards watch it,
 * and not at all while nobody does. A client that went away is dropped at the first failed send.
 * Stops (completing every stream) before the web server's graceful shutdown, which would otherwise
 * wait for the never-ending responses.
 */
@Component
public class LiveStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);
    static final String EVENT = "queues";
    static final String UNAVAILABLE = "unavailable";

    /** Who watches what: the tenant and the timezone asked for ("" for the queues' own). */
    record Topic(Tenant tenant, String timezone) {
    }

    private final LiveService service;
    private final LiveProperties properties;
    private final Map<Topic, Set<SseEmitter>> subscribers = new ConcurrentHashMap<>();
    private ScheduledExecutorService ticker;

    LiveStream(LiveService service, LiveProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "live-stream");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.streamInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
        subscribers.values().forEach(watchers -> watchers.forEach(SseEmitter::complete));
        subscribers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return ticker != null;
    }

    /**
     * Opens a stream; the first event is sent at once, so a bad timezone or an unreachable
     * ClickHouse is answered as a problem before the stream starts.
     */
    SseEmitter subscribe(Tenant tenant, String timezone) throws IOException {
        Topic topic = new Topic(tenant, timezone == null ? "" : timezone.strip());
        LiveQueues first = service.queuesNow(tenant, topic.timezone());
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        Set<SseEmitter> watchers = subscribers.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet());
        watchers.add(emitter);
        emitter.onCompletion(() -> drop(topic, emitter));
        emitter.onTimeout(() -> drop(topic, emitter));
        emitter.onError(e -> drop(topic, emitter));
        send(topic, emitter, first);
        return emitter;
    }

    /** Open streams, for tests and health. */
    public int subscribers() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    void tick() {
        for (Map.Entry<Topic, Set<SseEmitter>> entry : subscribers.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            LiveQueues state;
            try {
                state = service.queuesNow(entry.getKey().tenant(), entry.getKey().timezone());
            } catch (RuntimeException e) {
                // ClickHouse away for a moment: keep the streams and say so (which also finds the
                // clients that left); the next tick tries again.
                log.warn("live state of tenant {} unavailable: {}", entry.getKey().tenant().id(), e.toString());
                Map<String, String> unavailable = Map.of("asOf", Timestamps.iso(Instant.now()),
                        "detail", "the live state cannot be read right now; retrying");
                for (SseEmitter emitter : entry.getValue()) {
                    send(entry.getKey(), emitter, SseEmitter.event().name(UNAVAILABLE)
                            .data(unavailable, MediaType.APPLICATION_JSON));
                }
                continue;
            }
            for (SseEmitter emitter : entry.getValue()) {
                send(entry.getKey(), emitter, state);
            }
        }
    }

    private void send(Topic topic, SseEmitter emitter, LiveQueues state) {
        send(topic, emitter, SseEmitter.event().name(EVENT).id(state.asOf()).reconnectTime(2000)
                .data(state, MediaType.APPLICATION_JSON));
    }

    private void send(Topic topic, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The client disconnected (or the emitter already completed): stop pushing to it.
            drop(topic, emitter);
            emitter.completeWithError(e);
        }
    }

    private void drop(Topic topic, SseEmitter emitter) {
        subscribers.computeIfPresent(topic, (t, watchers) -> {
            watchers.remove(emitter);
            return watchers.isEmpty() ? null : watchers;
        });
    }
}
