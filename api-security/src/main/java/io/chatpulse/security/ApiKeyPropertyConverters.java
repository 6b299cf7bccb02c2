package io.chatpulse.security;

import org.springframework.core.convert.converter.Converter;

/** How {@code chatpulse.security.api-keys} values bind (registered by {@link ApiSecurityAutoConfiguration}). */
final class ApiKeyPropertyConverters {

    private ApiKeyPropertyConverters() {
    }

    /** The flat form {@code api-keys.<key>=<tenant>}: a key of that tenant with role admin. */
    static final class FlatApiKey implements Converter<String, ApiKey> {
        @Override
        public ApiKey convert(String tenant) {
            return new ApiKey(tenant, Role.ADMIN);
        }
    }

    /** {@code role: manager} in any case; an unknown role fails start-up naming the choices. */
    static final class RoleName implements Converter<String, Role> {
        @Override
        public Role convert(String value) {
            return Role.parse(value);
        }
    }
}
