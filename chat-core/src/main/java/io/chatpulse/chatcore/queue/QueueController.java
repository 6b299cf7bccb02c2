package io.chatpulse.chatcore.queue;

import io.chatpulse.chatcore.conversation.Conversation;
import io.chatpulse.chatcore.conversation.ConversationRepository;
import io.chatpulse.chatcore.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live queues of the caller's tenant: the configured ones plus any other queue that has work
 * right now. An unconfigured queue id answers with the defaults and its live figures (queues
 * are created by use, as conversations name them), never 404.
 */
@RestController
@RequestMapping("/api/v1/queues")
public class QueueController {

    private final QueueCatalog catalog;
    private final ConversationRepository conversations;
    private final Clock clock;

    public QueueController(QueueCatalog catalog, ConversationRepository conversations, Clock clock) {
        this.catalog = catalog;
        this.conversations = conversations;
        this.clock = clock;
    }

    @GetMapping
    List<QueueView> list(Tenant tenant) {
        Map<String, List<Conversation>> waiting = waitingByQueue(tenant.id());
        Map<String, Long> assigned = assignedByQueue(tenant.id());
        TreeSet<String> ids = new TreeSet<>(waiting.keySet());
        ids.addAll(assigned.keySet());
        catalog.configured(tenant.id()).forEach(q -> ids.add(q.queueId()));
        return ids.stream().map(id -> view(tenant.id(), id, waiting, assigned)).toList();
    }

    @GetMapping("/{id}")
    QueueView get(Tenant tenant, @PathVariable String id) {
        return view(tenant.id(), id, waitingByQueue(tenant.id()), assignedByQueue(tenant.id()));
    }

    private QueueView view(String tenantId, String queueId, Map<String, List<Conversation>> waitingByQueue,
            Map<String, Long> assignedByQueue) {
        QueueSettings settings = catalog.of(tenantId, queueId);
        Instant now = clock.instant();
        List<QueueView.Waiting> waiting = new ArrayList<>();
        for (Conversation c : waitingByQueue.getOrDefault(queueId, List.of())) {
            waiting.add(new QueueView.Waiting(waiting.size() + 1, c.id(), c.waitingSince(), secondsSince(c.waitingSince(), now)));
        }
        Instant oldest = waiting.isEmpty() ? null : waiting.stream()
                .map(QueueView.Waiting::waitingSince).min(Instant::compareTo).orElseThrow();
        return new QueueView(queueId, settings.name(), settings.configured(), settings.skills(),
                settings.timezone().getId(), settings.businessHours().asMap(),
                settings.businessHours().isOpen(now, settings.timezone()), settings.serviceLevelSeconds(),
                waiting.size(), assignedByQueue.getOrDefault(queueId, 0L).intValue(), oldest,
                oldest == null ? null : secondsSince(oldest, now), waiting);
    }

    private static long secondsSince(Instant start, Instant now) {
        return Math.max(0, Duration.between(start, now).toSeconds());
    }

    /** Each queue's waiting conversations, first come first (the repository's order). */
    private Map<String, List<Conversation>> waitingByQueue(String tenantId) {
        return conversations.waiting(tenantId).stream()
                .collect(Collectors.groupingBy(Conversation::queueId, Collectors.toList()));
    }

    private Map<String, Long> assignedByQueue(String tenantId) {
        return conversations.assigned(tenantId).stream().filter(c -> c.queueId() != null)
                .collect(Collectors.groupingBy(Conversation::queueId, Collectors.counting()));
    }
}
