package io.chatpulse.chatcore.conversation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import io.chatpulse.chatcore.tenant.TenancyProperties;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Repository;

/**
 * State in memory, rebuilt from the event log at start-up (see recovery). Waiting and assigned conversations are indexed, so routing and queue positions look only at
 * live work, not at every conversation ever opened.
 */
@Repository
public class InMemoryConversationRepository implements ConversationRepository {

    private record TenantState(Map<String, Conversation> all, Map<String, Conversation> waiting,
            Map<String, Conversation> assigned) {
        TenantState() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private final Map<String, TenantState> byTenant = new ConcurrentHashMap<>();
    private final TenancyProperties tenancy;

    public InMemoryConversationRepository(TenancyProperties tenancy) {
        this.tenancy = tenancy;
    }

    @Override
    public Optional<Conversation> find(String tenantId, String conversationId) {
        return Optional.ofNullable(tenant(tenantId).all().get(conversationId));
    }

    @Override
    public void save(Conversation conversation) {
        // The start-up replay reads the shared topic whole; an instance keeps only the tenants it
        // owns (requests of the others never get this far), so it routes only their work.
        if (!tenancy.owns(conversation.tenantId())) {
            return;
        }
        TenantState tenant = tenant(conversation.tenantId());
        tenant.all().put(conversation.id(), conversation);
        index(tenant.waiting(), conversation, conversation.isWaiting());
        index(tenant.assigned(), conversation, conversation.state() == ConversationState.ASSIGNED);
    }

    @Override
    public List<Conversation> waiting(String tenantId) {
        return tenant(tenantId).waiting().values().stream()
                .sorted(Comparator.comparingLong(Conversation::waitTicket))
                .toList();
    }

    @Override
    public List<Conversation> assignedTo(String tenantId, String agentId) {
        return tenant(tenantId).assigned().values().stream().filter(c -> c.isAssignedTo(agentId)).toList();
    }

    @Override
    public List<Conversation> assigned(String tenantId) {
        return List.copyOf(tenant(tenantId).assigned().values());
    }

    @Override
    public Set<String> tenants() {
        return Set.copyOf(byTenant.keySet());
    }

    @Override
    public int forgetClosedBefore(Instant cutoff) {
        int forgotten = 0;
        for (TenantState tenant : byTenant.values()) {
            for (Conversation c : tenant.all().values()) {
                // remove(key, value): a conversation reopened meanwhile is a different value and stays
                if (c.isClosed() && c.closedAt().isBefore(cutoff) && tenant.all().remove(c.id(), c)) {
                    forgotten++;
                }
            }
        }
        return forgotten;
    }

    private static void index(Map<String, Conversation> index, Conversation conversation, boolean member) {
        if (member) {
            index.put(conversation.id(), conversation);
        } else {
            index.remove(conversation.id());
        }
    }

    private TenantState tenant(String tenantId) {
        return byTenant.computeIfAbsent(tenantId, t -> new TenantState());
    }
}
