package io.chatpulse.chatcore.live;

import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.events.AgentEvent;
import io.chatpulse.events.ConversationEvent;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of what was committed: per conversation (customer widget, agent view) and
 * per agent (their assignments and the messages of the conversations they hold or just lost).
 * Events are sent after Kafka acknowledged them, never before; one sender thread keeps each
 * stream in commit order and keeps slow clients off the request threads.
 */
@Component
public class LiveFeed implements DisposableBean {

    private final Map<String, Set<SseEmitter>> conversations = new ConcurrentHashMap<>();
    private final Map<String, Set<SseEmitter>> agents = new ConcurrentHashMap<>();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "live-feed");
        thread.setDaemon(true);
        return thread;
    });

    public SseEmitter conversation(String tenantId, String conversationId) {
        return subscribe(conversations, tenantId + '/' + conversationId);
    }

    public SseEmitter agent(String tenantId, String agentId) {
        return subscribe(agents, tenantId + '/' + agentId);
    }

    public void conversationChanged(Conversation previous, Conversation next, List<ConversationEvent> events) {
        Set<SseEmitter> watchers = conversations.get(next.tenantId() + '/' + next.id());
        Set<SseEmitter> assignee = agentWatchers(next.tenantId(), next.assigneeId());
        Set<SseEmitter> formerAssignee = previous == null || previous.assigneeId() == null
                || previous.assigneeId().equals(next.assigneeId())
                ? null : agentWatchers(next.tenantId(), previous.assigneeId());
        if (watchers == null && assignee == null && formerAssignee == null) {
            return; // nobody listens: the hot path stops here
        }
        for (ConversationEvent event : events) {
            Map<String, Object> data = data(event.getEventId(), event.getEventTime(),
                    (SpecificRecord) event.getPayload());
            data.put("conversationId", event.getConversationId());
            data.put("state", next.state());
            data.put("queueId", next.queueId());
            data.put("assigneeId", next.assigneeId());
            String type = event.getPayload().getClass().getSimpleName();
            send(watchers, type, event.getEventId(), data);
            send(assignee, type, event.getEventId(), data);
            send(formerAssignee, type, event.getEventId(), data);
        }
    }

    public void agentChanged(AgentEvent event) {
        Set<SseEmitter> watchers = agentWatchers(event.getTenantId(), event.getAgentId());
        if (watchers != null) {
            Map<String, Object> data = data(event.getEventId(), event.getEventTime(),
                    (SpecificRecord) event.getPayload());
            data.put("agentId", event.getAgentId());
            send(watchers, event.getPayload().getClass().getSimpleName(), event.getEventId(), data);
        }
    }

    /** A comment line now and then finds connections whose client went away, and keeps proxies from closing idle ones. */
    @Scheduled(fixedDelayString = "${chatpulse.live.heartbeat:15s}")
    void heartbeat() {
        sender.execute(() -> {
            conversations.values().forEach(set -> set.forEach(e -> comment(set, e)));
            agents.values().forEach(set -> set.forEach(e -> comment(set, e)));
        });
    }

    @Override
    public void destroy() {
        sender.shutdownNow();
        conversations.values().forEach(set -> set.forEach(SseEmitter::complete));
        agents.values().forEach(set -> set.forEach(SseEmitter::complete));
    }

    private Set<SseEmitter> agentWatchers(String tenantId, String agentId) {
        return agentId == null ? null : agents.get(tenantId + '/' + agentId);
    }

    private SseEmitter subscribe(Map<String, Set<SseEmitter>> registry, String key) {
        SseEmitter emitter = new SseEmitter(0L); // no timeout: the stream lives as long as the client
        // add and remove inside compute, so a set being emptied and dropped never swallows a new emitter
        Set<SseEmitter> set = registry.compute(key, (k, s) -> {
            Set<SseEmitter> emitters = s == null ? ConcurrentHashMap.newKeySet() : s;
            emitters.add(emitter);
            return emitters;
        });
        Runnable remove = () -> registry.computeIfPresent(key, (k, s) -> {
            s.remove(emitter);
            return s.isEmpty() ? null : s;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // An opening comment flushes the headers, so the client knows it is subscribed.
        sender.execute(() -> comment(set, emitter));
        return emitter;
    }

    private void send(Set<SseEmitter> emitters, String type, String id, Map<String, Object> data) {
        if (emitters == null) {
            return;
        }
        sender.execute(() -> emitters.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().name(type).id(id).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                drop(emitters, emitter, e);
            }
        }));
    }

    private static void comment(Set<SseEmitter> set, SseEmitter emitter) {
        try {
            emitter.send(SseEmitter.event().comment("live"));
        } catch (IOException | IllegalStateException e) {
            drop(set, emitter, e);
        }
    }

    /** The client went away: completing runs the emitter's removal from the registry too. */
    private static void drop(Set<SseEmitter> set, SseEmitter emitter, Exception cause) {
        set.remove(emitter);
        try {
            emitter.completeWithError(cause);
        } catch (RuntimeException alreadyDone) {
            // completed meanwhile
        }
    }

    private static Map<String, Object> data(String eventId, long eventTime, SpecificRecord payload) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", payload.getClass().getSimpleName());
        data.put("eventId", eventId);
        data.put("eventTime", Instant.ofEpochMilli(eventTime).toString());
        Map<String, Object> fields = new LinkedHashMap<>();
        payload.getSchema().getFields().forEach(f -> fields.put(f.name(), plain(payload.get(f.pos()))));
        data.put("payload", fields);
        return data;
    }

    private static Object plain(Object avro) {
        if (avro instanceof CharSequence || avro instanceof Enum<?>) {
            return avro.toString();
        }
        if (avro instanceof List<?> list) {
            return list.stream().map(LiveFeed::plain).toList();
        }
        return avro;
    }
}
