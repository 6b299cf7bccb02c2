package io.chatpulse.security;

/**
 * One API key: {@code chatpulse.security.api-keys.<key>.tenant} and {@code .role} (default
 * supervisor). The flat form {@code chatpulse.security.api-keys.<key>=<tenant>} means role admin,
 * which is what such a key could do before roles existed (see {@link ApiKeyPropertyConverters}).
 */
public record ApiKey(String tenant, Role role) {

    /** The request header that carries the key. */
    public static final String HEADER = "X-Api-Key";

    public ApiKey {
        tenant = tenant == null ? "" : tenant.strip();
        role = role == null ? Role.SUPERVISOR : role;
    }
}
