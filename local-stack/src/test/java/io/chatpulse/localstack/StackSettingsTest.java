package io.chatpulse.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

    private final Path home = Path.of("/opt/chatpulse");

    @Test
    void defaultsAreTheDocumentedPortsAndTheDataFolderInTheProject() {
        StackSettings s = StackSettings.parse(home, new String[0]);

        assertThat(s.dataDir()).isEqualTo(home.resolve("data"));
        assertThat(s.kafkaBootstrap()).isEqualTo("127.0.0.1:9092");
        assertThat(s.clickHouseJdbcUrl()).isEqualTo("jdbc:clickhouse://127.0.0.1:8123/default");
        assertThat(s.chatCorePort()).isEqualTo(8080);
        assertThat(s.metricsApiPort()).isEqualTo(8081);
        assertThat(s.simulatorRate()).isEqualTo(60);
        assertThat(s.simulatorAgents()).isEqualTo(12);
        assertThat(s.withSimulatorRate(120).simulatorAgents()).isEqualTo(24);
        assertThat(s.withSimulatorRate(1).simulatorAgents()).isEqualTo(2);
    }

    @Test
    void optionsOverrideTheDefaults() {
        StackSettings s = StackSettings.parse(home, new String[] {
                "--data", "/tmp/cp", "--kafka-port", "19092", "--chat-core-port", "18080", "--no-simulator"});

        assertThat(s.dataDir()).isEqualTo(Path.of("/tmp/cp"));
        assertThat(s.kafkaPort()).isEqualTo(19092);
        assertThat(s.chatCorePort()).isEqualTo(18080);
        assertThat(s.simulatorRate()).isZero();
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> StackSettings.parse(home, new String[] {"--kafka-port", "ninety"}))
                .hasMessageContaining("--kafka-port must be a positive whole number, got 'ninety'");
        assertThatThrownBy(() -> StackSettings.parse(home, new String[] {"--kafka-port", "70000"}))
                .hasMessageContaining("port number");
        assertThatThrownBy(() -> StackSettings.parse(home, new String[] {"--rate"}))
                .hasMessageContaining("--rate needs a value");
        assertThatThrownBy(() -> StackSettings.parse(home, new String[] {"--turbo"}))
                .hasMessageContaining("unknown option --turbo").hasMessageContaining("Usage:");
    }
}
