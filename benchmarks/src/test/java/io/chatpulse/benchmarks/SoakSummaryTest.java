package io.chatpulse.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SoakSummaryTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void aComponentWhoseMemoryKeepsGrowingFailsTheSoak() {
        assertThat(print(samples(mb -> 300 + mb, mb -> 200L))).isTrue();
        assertThat(text()).containsPattern("RSS chat-core MB .* GROWS");
    }

    @Test
    void theLoadGeneratorsMemoryIsShownButNotJudged() {
        assertThat(print(samples(mb -> 300L, mb -> 200 + mb))).isFalse();
        assertThat(text()).containsPattern("RSS simulator MB .* grows \\(load generator, not judged\\)")
                .containsPattern("RSS chat-core MB .* no growth");
    }

    /** 30 samples a minute apart; {@code chatCore} and {@code simulator} give the MB at minute m. */
    private static List<SoakSample> samples(java.util.function.LongUnaryOperator chatCore,
                                            java.util.function.LongUnaryOperator simulator) {
        return IntStream.range(0, 30).mapToObj(m -> new SoakSample(Duration.ofMinutes(m),
                Map.of("chat-core", chatCore.applyAsLong(m), "simulator", simulator.applyAsLong(m)),
                Map.of("chatpulse-stream-jobs", 100L), 1_000L * m, 0.5, 10L * m)).toList();
    }

    private boolean print(List<SoakSample> samples) {
        return SoakSummary.print(samples, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
