package io.chatpulse.metrics.tenancy;

/** Who is asking: the tenant of the API key and what the key may do. */
public record Caller(Tenant tenant, Role role) {
}
