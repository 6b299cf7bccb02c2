package io.chatpulse.metrics.tenancy;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** {@code role: manager} in any case; an unknown role fails start-up naming the choices. */
@Component
@ConfigurationPropertiesBinding
class RoleConverter implements Converter<String, Role> {

    @Override
    public Role convert(String value) {
        return Role.parse(value);
    }
}
