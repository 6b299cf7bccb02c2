package io.chatpulse.streamjobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HistoryProgressBarTest {

    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AtomicLong clock = new AtomicLong();

    @Test
    void showsPercentRateAndEta() {
        ProgressBar bar = bar(false);
        assertThat(bar.line(250, 5_000, 2_000 * MS))
                .isEqualTo("importing  25% [######..................] 5,000 events  2,500 events/s  ETA 0:06");
    }

    @Test
    void onATerminalRedrawsInPlaceAtMostFiveTimesASecond() {
        ProgressBar bar = bar(true);
        for (int i = 1; i <= 100; i++) {
            clock.addAndGet(10 * MS);
            bar.update(i * 10, i);
        }
        bar.finish(1_000, 100);
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out.chars().filter(c -> c == '\r').count()).as("1 s of updates, then the last").isEqualTo(6);
        assertThat(out).endsWith("\n").contains("100%").doesNotContain("\n\r");
    }

    @Test
    void inALogPrintsAPlainLineEveryFewSeconds() {
        ProgressBar bar = bar(false);
        for (int i = 1; i <= 120; i++) {
            clock.addAndGet(100 * MS);
            bar.update(i, i);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines()).as("12 s of updates").hasSize(2);
    }

    private ProgressBar bar(boolean terminal) {
        return new ProgressBar(new PrintStream(printed, true, StandardCharsets.UTF_8), terminal, "importing", "events",
                1_000, clock::get);
    }
}
