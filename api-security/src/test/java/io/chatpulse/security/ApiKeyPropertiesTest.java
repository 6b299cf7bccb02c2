package io.chatpulse.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyPropertiesTest {

    @Test
    void withoutKeysTheDemoKeyBelongsToTheDemoTenant() {
        assertThat(new ApiKeyProperties(null, "").find("demo-key")).isEqualTo(new ApiKey("demo", Role.ADMIN));
    }

    @Test
    void configuredKeysReplaceTheDemoKey() {
        ApiKeyProperties keys = new ApiKeyProperties(Map.of("a-key", new ApiKey("acme", null)), " g-key = globex ,");

        assertThat(keys.find("a-key")).isEqualTo(new ApiKey("acme", Role.SUPERVISOR));
        assertThat(keys.find("g-key")).isEqualTo(new ApiKey("globex", Role.ADMIN));
        assertThat(keys.find("demo-key")).isNull();
        assertThat(keys.find(null)).isNull();
    }

    @Test
    void aKeyWithoutTenantIsNotKnown() {
        assertThat(new ApiKeyProperties(Map.of("blank", new ApiKey(" ", Role.ADMIN)), null).find("blank")).isNull();
    }

    @Test
    void aMalformedListIsRefusedWithoutEchoingTheTenant() {
        assertThatThrownBy(() -> new ApiKeyProperties(null, "just-a-key"))
                .hasMessageContaining("expected key=tenant");
        assertThatThrownBy(() -> new ApiKeyProperties(null, "=secret-tenant"))
                .hasMessageNotContaining("secret-tenant");
    }
}
