package io.chatpulse.chatcore.tenant;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which tenants this instance serves, when chat-core is scaled out by tenant: each instance owns a
 * set of tenants, holds only their conversations and agents, and routes only their work (routing
 * state is per instance, so two instances must never serve one tenant).
 *
 * @param ownedTenants the tenants served here; empty (the default) means every tenant
 * @param servedAt where each tenant owned elsewhere is served (a base URL, optional), named in the
 *     421 answer so a client or its proxy knows where to go
 */
@ConfigurationProperties("chatpulse.tenancy")
public record TenancyProperties(Set<String> ownedTenants, Map<String, String> servedAt) {

    public TenancyProperties {
        ownedTenants = ownedTenants == null ? Set.of()
                : ownedTenants.stream().map(String::trim).filter(t -> !t.isEmpty())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
        servedAt = servedAt == null ? Map.of() : Map.copyOf(servedAt);
    }

    public boolean owns(String tenant) {
        return ownedTenants.isEmpty() || ownedTenants.contains(tenant);
    }

    /** Where a tenant is served instead, or null when not configured. */
    public String servedAt(String tenant) {
        return servedAt.get(tenant);
    }
}
