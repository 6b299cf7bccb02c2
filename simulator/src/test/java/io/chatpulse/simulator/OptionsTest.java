package io.chatpulse.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaults() {
        Options o = Options.parse();

        assertThat(o.url()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(o.apiKey()).isEqualTo("demo-key");
        assertThat(o.ratePerMinute()).isEqualTo(60);
        assertThat(o.duration()).isNull();
        assertThat(o.queues()).containsExactly("support", "billing");
        assertThat(o.agents()).isEqualTo(12);
        assertThat(o.routing()).isEqualTo(Options.Routing.CHAT_CORE);
        assertThat(o.shift()).isEqualTo(Duration.ofMinutes(20));
        assertThat(o.acknowledged()).isNull();
    }

    @Test
    void everyOptionIsRead() {
        Options o = Options.parse("--url", "http://chat:9000/", "--api-key=k", "--rate", "120", "--duration", "10m",
                "--queues", "vip, sales", "--agents", "3", "--agent-capacity", "2", "--routing", "simulator",
                "--shift", "45m", "--pace", "0.5", "--wave", "0", "--wave-period", "1h", "--seed", "42", "--progress", "2s",
                "--acknowledged", "target/acknowledged.tsv");

        assertThat(o.url()).isEqualTo(URI.create("http://chat:9000"));
        assertThat(o.apiKey()).isEqualTo("k");
        assertThat(o.ratePerMinute()).isEqualTo(120);
        assertThat(o.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.queues()).isEqualTo(List.of("vip", "sales"));
        assertThat(o.agents()).isEqualTo(3);
        assertThat(o.agentCapacity()).isEqualTo(2);
        assertThat(o.routing()).isEqualTo(Options.Routing.SIMULATOR);
        assertThat(o.shift()).isEqualTo(Duration.ofMinutes(45));
        assertThat(o.pace()).isEqualTo(0.5);
        assertThat(o.wave()).isZero();
        assertThat(o.wavePeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.progressEvery()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.acknowledged()).isEqualTo(Path.of("target/acknowledged.tsv"));
    }

    @Test
    void durationsReadTheUsualShapes() {
        assertThat(Options.duration("--d", "90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Options.duration("--d", "90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Options.duration("--d", "1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Options.duration("--d", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> Options.duration("--d", "soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> Options.duration("--d", "0s")).hasMessageContaining("positive");
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Options.parse("--bogus")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> Options.parse("--rate")).hasMessageContaining("--rate needs a value");
        assertThatThrownBy(() -> Options.parse("--rate", "-1")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Options.parse("--routing", "magic")).hasMessageContaining("simulator or chat-core");
        assertThat(Options.parse("--help").help()).isTrue();
    }

    @Test
    void aSurgeAndAgentsLeavingAreReadInPairs() {
        Options o = Options.parse("--rate", "30", "--surge-at", "10m", "--surge-rate", "90", "--agents-leave-at", "12m",
                "--agents-leaving", "3");

        assertThat(o.surgeAt()).isEqualTo(Duration.ofMinutes(10));
        assertThat(o.surgeRatePerMinute()).isEqualTo(90);
        assertThat(o.agentsLeaveAt()).isEqualTo(Duration.ofMinutes(12));
        assertThat(o.agentsLeaving()).isEqualTo(3);
        assertThat(Options.parse().surgeAt()).isNull();
        assertThat(Options.parse().agentsLeaving()).isZero();

        assertThatThrownBy(() -> Options.parse("--surge-at", "10m")).hasMessageContaining("--surge-rate");
        assertThatThrownBy(() -> Options.parse("--surge-rate", "90")).hasMessageContaining("--surge-at");
        assertThatThrownBy(() -> Options.parse("--surge-at", "10m", "--surge-rate", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> Options.parse("--agents-leaving", "2")).hasMessageContaining("--agents-leave-at");
        assertThatThrownBy(() -> Options.parse("--agents-leave-at", "1m", "--agents-leaving", "13"))
                .hasMessageContaining("--agents-leaving must be at most --agents (12)");
        assertThatThrownBy(() -> Options.parse("--routing", "simulator", "--agents-leave-at", "1m", "--agents-leaving", "1"))
                .hasMessageContaining("--routing chat-core");
    }
}
