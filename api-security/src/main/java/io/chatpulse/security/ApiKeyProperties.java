package io.chatpulse.security;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which API key belongs to which tenant, with which role.
 *
 * @param apiKeys key to tenant and role, e.g. {@code chatpulse.security.api-keys.sup-key.tenant=acme}
 *     and {@code .role=supervisor}; the flat {@code api-keys.demo-key=demo} means role admin
 * @param apiKeyList {@code key=tenant,key=tenant} (role admin), for an environment variable
 *     (CHATPULSE_API_KEYS), since map keys with dashes do not survive environment names
 */
@ConfigurationProperties("chatpulse.security")
public record ApiKeyProperties(Map<String, ApiKey> apiKeys, String apiKeyList) {

    /** The key a fresh checkout answers to when no key is configured at all. */
    static final Map<String, ApiKey> DEMO = Map.of("demo-key", new ApiKey("demo", Role.ADMIN));

    public ApiKeyProperties {
        Map<String, ApiKey> all = new HashMap<>(apiKeys == null ? Map.of() : apiKeys);
        if (apiKeyList != null) {
            for (String pair : apiKeyList.split(",")) {
                String[] keyAndTenant = pair.trim().split("=", 2);
                if (keyAndTenant.length != 2 || keyAndTenant[0].isBlank() || keyAndTenant[1].isBlank()) {
                    if (!pair.isBlank()) {
                        throw new IllegalArgumentException("chatpulse.security.api-key-list: expected key=tenant, got "
                                + pair.trim().replaceAll("=.*", "=..."));
                    }
                    continue;
                }
                all.put(keyAndTenant[0].trim(), new ApiKey(keyAndTenant[1], Role.ADMIN));
            }
        }
        apiKeys = all.isEmpty() ? DEMO : Map.copyOf(all);
    }

    /** The key's tenant and role, or null when the key is not known (or names no tenant). */
    public ApiKey find(String apiKey) {
        ApiKey key = apiKey == null ? null : apiKeys.get(apiKey);
        return key == null || key.tenant().isBlank() ? null : key;
    }
}
