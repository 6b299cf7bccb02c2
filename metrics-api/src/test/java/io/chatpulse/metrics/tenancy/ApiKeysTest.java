package io.chatpulse.metrics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys apiKeys = new ApiKeys(new SecurityProperties(Map.of(
            "demo-key", new ApiKey("demo", Role.ADMIN),
            "sup-key", new ApiKey("acme", null),
            "blank", new ApiKey("", Role.ADMIN))));

    @Test
    void mapsAKnownKeyToItsTenantAndRole() {
        assertThat(apiKeys.authenticate("demo-key")).isEqualTo(new Caller(new Tenant("demo"), Role.ADMIN));
        assertThat(apiKeys.authenticate("sup-key")).isEqualTo(new Caller(new Tenant("acme"), Role.SUPERVISOR));
    }

    @Test
    void rejectsMissingUnknownAndTenantlessKeys() {
        assertThatThrownBy(() -> apiKeys.authenticate(null)).hasMessageContaining("missing X-Api-Key");
        assertThatThrownBy(() -> apiKeys.authenticate("")).hasMessageContaining("missing X-Api-Key");
        assertThatThrownBy(() -> apiKeys.authenticate("nope")).hasMessageContaining("unknown API key");
        assertThatThrownBy(() -> apiKeys.authenticate("blank")).hasMessageContaining("unknown API key");
    }

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(Role.ADMIN.includes(Role.MANAGER)).isTrue();
        assertThat(Role.MANAGER.includes(Role.SUPERVISOR)).isTrue();
        assertThat(Role.MANAGER.includes(Role.ADMIN)).isFalse();
        assertThat(Role.SUPERVISOR.includes(Role.MANAGER)).isFalse();
        assertThat(Role.parse(" Manager ")).isEqualTo(Role.MANAGER);
        assertThatThrownBy(() -> Role.parse("root")).hasMessageContaining("supervisor, manager or admin");
    }
}
