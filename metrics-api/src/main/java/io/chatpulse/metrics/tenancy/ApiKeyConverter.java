package io.chatpulse.metrics.tenancy;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** The flat form {@code api-keys.<key>=<tenant>}: a key of that tenant with role admin. */
@Component
@ConfigurationPropertiesBinding
class ApiKeyConverter implements Converter<String, ApiKey> {

    @Override
    public ApiKey convert(String tenant) {
        return new ApiKey(tenant, Role.ADMIN);
    }
}
