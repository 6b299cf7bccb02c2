package io.chatpulse.chatcore.tenant;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which API key belongs to which tenant.
 *
 * @param apiKeys key to tenant, e.g. {@code chatpulse.security.api-keys.demo-key=demo}
 * @param apiKeyList the same as {@code key=tenant,key=tenant}, for an environment variable
 *     (CHATPULSE_API_KEYS), since map keys with dashes do not survive environment names
 */
@ConfigurationProperties("chatpulse.security")
public record SecurityProperties(Map<String, String> apiKeys, String apiKeyList) {

    public SecurityProperties {
        Map<String, String> all = new HashMap<>(apiKeys == null ? Map.of() : apiKeys);
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
                all.put(keyAndTenant[0].trim(), keyAndTenant[1].trim());
            }
        }
        apiKeys = all.isEmpty() ? Map.of("demo-key", "demo") : Map.copyOf(all);
    }

    /** The tenant of a key, or null when the key is not known. */
    public String tenantOf(String apiKey) {
        return apiKey == null ? null : apiKeys.get(apiKey);
    }
}
