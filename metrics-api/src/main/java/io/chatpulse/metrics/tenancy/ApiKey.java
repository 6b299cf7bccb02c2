package io.chatpulse.metrics.tenancy;

/**
 * One API key: {@code chatpulse.security.api-keys.<key>.tenant} and {@code .role}. The older flat
 * form {@code chatpulse.security.api-keys.<key>=<tenant>} still works and means role admin, which
 * is what such a key could do before roles existed (see {@link ApiKeyConverter}).
 */
public record ApiKey(String tenant, Role role) {

    public ApiKey {
        tenant = tenant == null ? "" : tenant.strip();
        role = role == null ? Role.SUPERVISOR : role;
    }
}
