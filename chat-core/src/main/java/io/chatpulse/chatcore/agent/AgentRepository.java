package io.chatpulse.chatcore.agent;

import io.chatpulse.chatcore.tenant.TenancyProperties;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Repository;

/** Agents' last reported status, per tenant, in memory for this first slice. */
@Repository
public class AgentRepository {

    private final Map<String, Map<String, Agent>> byTenant = new ConcurrentHashMap<>();
    private final TenancyProperties tenancy;

    public AgentRepository(TenancyProperties tenancy) {
        this.tenancy = tenancy;
    }

    public Optional<Agent> find(String tenantId, String agentId) {
        return Optional.ofNullable(tenant(tenantId).get(agentId));
    }

    public Collection<Agent> all(String tenantId) {
        return tenant(tenantId).values();
    }

    public void save(Agent agent) {
        // As for conversations: the replay hands over every tenant's agents, only the owned are kept.
        if (!tenancy.owns(agent.tenantId())) {
            return;
        }
        tenant(agent.tenantId()).put(agent.id(), agent);
    }

    private Map<String, Agent> tenant(String tenantId) {
        return byTenant.computeIfAbsent(tenantId, t -> new ConcurrentHashMap<>());
    }
}
