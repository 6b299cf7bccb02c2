package io.chatpulse.metrics.tenancy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chatpulse.security.api-keys.<key>.tenant=<tenant>} and {@code .role=supervisor|manager|admin}
 * (default supervisor): each API key belongs to exactly one tenant and has one role. The flat
 * {@code api-keys.<key>=<tenant>} means role admin.
 */
@ConfigurationProperties("chatpulse.security")
public record SecurityProperties(Map<String, ApiKey> apiKeys) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }
}
