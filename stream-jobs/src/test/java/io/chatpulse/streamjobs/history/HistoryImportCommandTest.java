package io.chatpulse.streamjobs.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's answers that need no broker: usage, validation, dry runs (an unreachable broker is given). */
class HistoryImportCommandTest {

    private static final String NO_BROKER = "127.0.0.1:1";
    private static final String EXAMPLES = "src/test/resources/history/";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path temp;

    @Test
    void helpDescribesTheFields() {
        assertThat(run("--help")).isZero();
        assertThat(out()).contains("Usage: HistoryImportCommand", "csat_submitted rating* (1..5)", "--skip-invalid");
    }

    @Test
    void badUsageExitsWithTwo() {
        assertThat(run()).isEqualTo(HistoryImportCommand.USAGE);
        assertThat(run("--format", "xml", EXAMPLES + "conversations.jsonl")).isEqualTo(HistoryImportCommand.USAGE);
        assertThat(run("--verbose", EXAMPLES + "conversations.jsonl")).isEqualTo(HistoryImportCommand.USAGE);
        assertThat(run(EXAMPLES + "missing.jsonl")).isEqualTo(HistoryImportCommand.USAGE);
        assertThat(run("notes.txt")).isEqualTo(HistoryImportCommand.USAGE);
        assertThat(err()).contains("unknown option --verbose", "no such file", "give --format");
    }

    @Test
    void aDryRunChecksEveryLineAndSendsNothing() {
        assertThat(run("--dry-run", EXAMPLES + "conversations.jsonl")).isZero();
        assertThat(run("--dry-run", EXAMPLES + "conversations.csv")).isZero();
        assertThat(out()).contains("11 valid events in " + EXAMPLES + "conversations.jsonl; nothing sent (--dry-run)");
    }

    @Test
    void anInvalidFileStopsBeforeSendingAnything() {
        assertThat(run(EXAMPLES + "invalid.jsonl")).isEqualTo(HistoryImportCommand.INVALID_INPUT);
        assertThat(err()).contains("4 invalid lines:", "  line 3, field rating: 7 is outside 1..5",
                "nothing imported: correct these lines, or import the valid ones with --skip-invalid");
    }

    @Test
    void skippingInvalidLinesShowsTheFirstTwentyReasons() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            lines.append("{\"tenant\":\"acme\",\"conversation\":\"c-").append(i).append("\",\"type\":\"csat_submitted\","
                    + "\"at\":\"2026-03-02T09:00:00Z\",\"rating\":9}\n");
        }
        lines.append("{\"tenant\":\"acme\",\"conversation\":\"c-1\",\"type\":\"opened\",\"at\":\"2026-03-02T09:00:00Z\"}\n");
        Path file = Files.writeString(temp.resolve("export.ndjson"), lines);
        assertThat(run("--dry-run", "--skip-invalid", file.toString())).isZero();
        assertThat(err()).contains("25 invalid lines, the first 20:", "line 20, field rating", "checking")
                .doesNotContain("line 21,");
        assertThat(out()).contains("1 valid events");
    }

    @Test
    void aBadCsvHeaderIsInvalidInput() throws Exception {
        Path file = Files.writeString(temp.resolve("export.csv"), "tenant,conversation,kind,at\n");
        assertThat(run(file.toString())).isEqualTo(HistoryImportCommand.INVALID_INPUT);
        assertThat(err()).contains("line 1, field kind: unknown column");
    }

    private int run(String... args) {
        return HistoryImportCommand.run(args, Map.of("KAFKA_BOOTSTRAP_SERVERS", NO_BROKER), print(out), print(err), false);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
