package io.chatpulse.chatcore.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenancyPropertiesTest {

    @Test
    void withoutOwnedTenantsAnInstanceServesEveryTenant() {
        TenancyProperties all = new TenancyProperties(null, null);

        assertThat(all.owns("demo")).isTrue();
        assertThat(all.owns("anyone")).isTrue();
    }

    @Test
    void withOwnedTenantsOnlyThoseAndTheOthersAreServedWhereConfigured() {
        TenancyProperties some = new TenancyProperties(Set.of("demo", " acme "),
                Map.of("globex", "http://chat-core-2:8080"));

        assertThat(some.owns("acme")).isTrue();
        assertThat(some.owns("globex")).isFalse();
        assertThat(some.servedAt("globex")).isEqualTo("http://chat-core-2:8080");
        assertThat(some.servedAt("initech")).isNull();
    }
}
