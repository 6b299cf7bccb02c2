package io.chatpulse.metrics.tenancy;

import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves an {@code X-Api-Key} value to its tenant and role. */
@Component
public class ApiKeys {

    public static final String HEADER = "X-Api-Key";

    private final SecurityProperties properties;

    public ApiKeys(SecurityProperties properties) {
        this.properties = properties;
    }

    public Caller authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new UnauthenticatedException("missing " + HEADER + " header");
        }
        return Optional.ofNullable(properties.apiKeys().get(apiKey))
                .filter(key -> !key.tenant().isBlank())
                .map(key -> new Caller(new Tenant(key.tenant()), key.role()))
                .orElseThrow(() -> new UnauthenticatedException("unknown API key in " + HEADER + " header"));
    }
}
