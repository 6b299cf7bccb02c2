package io.chatpulse.chatcore.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityPropertiesTest {

    @Test
    void withoutKeysTheDemoKeyBelongsToTheDemoTenant() {
        assertThat(new SecurityProperties(null, "").tenantOf("demo-key")).isEqualTo("demo");
    }

    @Test
    void configuredKeysReplaceTheDemoKey() {
        SecurityProperties keys = new SecurityProperties(Map.of("a-key", "acme"), " g-key = globex ,");

        assertThat(keys.tenantOf("a-key")).isEqualTo("acme");
        assertThat(keys.tenantOf("g-key")).isEqualTo("globex");
        assertThat(keys.tenantOf("demo-key")).isNull();
        assertThat(keys.tenantOf(null)).isNull();
    }

    @Test
    void aMalformedListIsRefusedWithoutEchoingTheTenant() {
        assertThatThrownBy(() -> new SecurityProperties(null, "just-a-key"))
                .hasMessageContaining("expected key=tenant");
    }
}
