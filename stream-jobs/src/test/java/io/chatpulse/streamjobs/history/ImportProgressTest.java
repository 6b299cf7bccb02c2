package io.chatpulse.streamjobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImportProgressTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void inALogPrintsPlainLinesEndingWithTheWholeCount() {
        try (ImportProgress bar = ImportProgress.importing(err, false, 1_000)) {
            bar.stepTo(250);
            bar.stepTo(1_000);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines()).isNotEmpty().allMatch(line -> line.startsWith("importing"));
        assertThat(out.lines().reduce((first, last) -> last)).hasValueSatisfying(
                last -> assertThat(last).contains("100%", "1000/1000 events", "events/s"));
    }

    @Test
    void onATerminalRedrawsOneLineInPlaceAndEndsIt() {
        try (ImportProgress bar = ImportProgress.checking(err, true, 3L << 20)) {
            bar.stepTo(3L << 20);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        assertThat(out).startsWith("\r").endsWith("\n");
        assertThat(out.indexOf('\n')).as("one line, ended once").isEqualTo(out.length() - 1);
        assertThat(out.substring(out.lastIndexOf('\r'))).contains("checking 100%", "3/3 MB", "MB/s");
    }

    @Test
    void logsEveryFewSecondsAndATerminalFiveTimesASecond() {
        assertThat(ImportProgress.LOG_EVERY_MS).isEqualTo(5_000);
        assertThat(ImportProgress.TERMINAL_EVERY_MS).isEqualTo(200);
    }
}
