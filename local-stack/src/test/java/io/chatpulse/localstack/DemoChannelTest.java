package io.chatpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoChannelTest {

    @Test
    void routesTheDemoTenantsPagesToTheLogFile() {
        assertThat(DemoChannel.environment(Path.of("/d/logs"), List.of("demo"), Map.of("PATH", "/usr/bin"))).isEqualTo(Map.of(
                "CHATPULSE_ALERTING_CHANNELS_PAGES_TYPE", "log",
                "CHATPULSE_ALERTING_CHANNELS_PAGES_PATH", "/d/logs/pages.log",
                "CHATPULSE_ALERTING_ROUTES_0_TENANT", "demo",
                "CHATPULSE_ALERTING_ROUTES_0_CHANNELS_0", "pages"));
    }

    @Test
    void onTheClusterEachTenantHasItsRouteToTheOneFile() {
        assertThat(DemoChannel.environment(Path.of("/d/cluster/logs"), List.of("demo", "acme"), Map.of())).isEqualTo(Map.of(
                "CHATPULSE_ALERTING_CHANNELS_PAGES_TYPE", "log",
                "CHATPULSE_ALERTING_CHANNELS_PAGES_PATH", "/d/cluster/logs/pages.log",
                "CHATPULSE_ALERTING_ROUTES_0_TENANT", "demo",
                "CHATPULSE_ALERTING_ROUTES_0_CHANNELS_0", "pages",
                "CHATPULSE_ALERTING_ROUTES_1_TENANT", "acme",
                "CHATPULSE_ALERTING_ROUTES_1_CHANNELS_0", "pages"));
    }

    @Test
    void routesOfOnesOwnReplaceIt() {
        assertThat(DemoChannel.environment(Path.of("/d"), List.of("demo"),
                Map.of("CHATPULSE_ALERTING_ROUTES_0_TENANT", "demo"))).isEmpty();
        assertThat(DemoChannel.environment(Path.of("/d"), List.of("demo"),
                Map.of("SPRING_APPLICATION_JSON", "{\"chatpulse\":{}}"))).isEmpty();
    }
}
