package io.chatpulse.metrics.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys apiKeys = new ApiKeys(new SecurityProperties(Map.of("demo-key", "demo", "blank", "")));

    @Test
    void mapsAKnownKeyToItsTenant() {
        assertThat(apiKeys.authenticate("demo-key")).isEqualTo(new Tenant("demo"));
    }

    @Test
    void rejectsMissingUnknownAndTenantlessKeys() {
        assertThatThrownBy(() -> apiKeys.authenticate(null)).hasMessageContaining("missing X-Api-Key");
        assertThatThrownBy(() -> apiKeys.authenticate("")).hasMessageContaining("missing X-Api-Key");
        assertThatThrownBy(() -> apiKeys.authenticate("nope")).hasMessageContaining("unknown API key");
        assertThatThrownBy(() -> apiKeys.authenticate("blank")).hasMessageContaining("unknown API key");
    }
}
