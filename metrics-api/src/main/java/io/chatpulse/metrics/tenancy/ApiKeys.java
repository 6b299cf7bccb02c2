package io.chatpulse.metrics.tenancy;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves an {@code X-Api-Key} value to its tenant. */
@Component
public class ApiKeys {

    public static final String HEADER = "X-Api-Key";

    private final SecurityProperties properties;

    public ApiKeys(SecurityProperties properties) {
        this.properties = properties;
    }

    public Tenant authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new UnauthenticatedException("missing " + HEADER + " header");
        }
        return Optional.ofNullable(properties.apiKeys().get(apiKey))
                .filter(tenant -> !tenant.isBlank())
                .map(Tenant::new)
                .orElseThrow(() -> new UnauthenticatedException("unknown API key in " + HEADER + " header"));
    }
}
