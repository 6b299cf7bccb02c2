package io.chatpulse.alerting.tenancy;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code chatpulse.security.api-keys.<key>=<tenant>}. */
@ConfigurationProperties("chatpulse.security")
public record SecurityProperties(Map<String, String> apiKeys) {

    public SecurityProperties {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }
}
