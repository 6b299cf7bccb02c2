package io.chatpulse.streamjobs.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatpulse.events.ConversationTransferred;
import io.chatpulse.events.MessagePosted;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryParsersTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/history");
    private final EventMapping mapping = new EventMapping(Instant.parse("2026-06-01T00:00:00Z"));

    @TempDir
    Path temp;

    @Test
    void jsonLineFieldsAreTextsNullAndEmptyAreAbsent() throws Exception {
        assertThat(new JsonLineParser().fields("{\"rating\": 5, \"text\": \"\", \"queue\": null, \"tenant\": \"acme\"}"))
                .isEqualTo(Map.of("rating", "5", "tenant", "acme"));
    }

    @Test
    void refusesWhatIsNotOneJsonObject() {
        assertRefused(new JsonLineParser(), "not json", null, "not valid JSON");
        assertRefused(new JsonLineParser(), "[1, 2]", null, "not a JSON object");
        assertRefused(new JsonLineParser(), "{\"type\": \"opened\"} {\"type\": \"queued\"}", null, "not valid JSON");
        assertRefused(new JsonLineParser(), "{\"type\": \"opened\", \"type\": \"queued\"}", null, "Duplicate field");
        assertRefused(new JsonLineParser(), "{\"queue\": {\"id\": \"tech\"}}", "queue", "must be a text or a number");
    }

    @Test
    void csvCellsMayHoldQuotesCommasAndLineBreaks() throws Exception {
        try (CsvLineParser csv = CsvLineParser.open(new StringReader("\uFEFFtenant, conversation,type,at,text\n"
                + "acme,c-1,message,2026-03-02T09:00:00Z,\"Hi, \"\"you\"\"\nthere\"\n"
                + "acme,c-1,opened,2026-03-02T09:00:00Z,\n"
                + "\n"
                + "acme,c-1,message,2026-03-02T09:00:00Z,\"ab\"c\n"
                + "acme,c-1,opened\n"))) {
            RowParser.Row quoted = csv.next();
            assertThat(quoted.line()).isEqualTo(2);
            assertThat(quoted.fields()).containsEntry("text", "Hi, \"you\"\nthere").containsEntry("conversation", "c-1");
            RowParser.Row empty = csv.next();
            assertThat(empty.line()).isEqualTo(4);
            assertThat(empty.fields()).doesNotContainKey("text");
            // After a closing quote the rest of the cell is kept, as spreadsheets read it.
            RowParser.Row trailing = csv.next();
            assertThat(trailing.line()).isEqualTo(6);
            assertThat(trailing.fields()).containsEntry("text", "abc");
            RowParser.Row tooShort = csv.next();
            assertThat(tooShort.line()).isEqualTo(7);
            assertThat(tooShort.problem().field()).isNull();
            assertThat(tooShort.problem()).hasMessageContaining("3 cells, the header has 5");
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void refusesACsvHeaderItCannotRead() {
        assertThatThrownBy(() -> CsvLineParser.open(new StringReader("tenant,conversation,type,at,agnet\n")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("agnet"));
        assertThatThrownBy(() -> CsvLineParser.open(new StringReader("tenant,conversation,type")))
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("at"));
        assertThatThrownBy(() -> CsvLineParser.open(new StringReader("tenant,conversation,type,at,queue,queue\n")))
                .hasMessageContaining("column named twice");
        assertThatThrownBy(() -> CsvLineParser.open(new StringReader("")))
                .hasMessageContaining("empty file");
    }

    @Test
    void readsTheJsonLinesExample() throws Exception {
        List<ImportLine> lines = readAll(EXAMPLES.resolve("conversations.jsonl"), HistoryFormat.JSONL);
        assertThat(lines).hasSize(11).allMatch(ImportLine::isValid);
        assertThat(lines.get(3).event().getEventTime()).isEqualTo(Instant.parse("2026-03-02T09:00:46Z").toEpochMilli());
    }

    @Test
    void readsTheCsvExampleWithRowsSpanningLines() throws Exception {
        List<ImportLine> lines = readAll(EXAMPLES.resolve("conversations.csv"), HistoryFormat.CSV);
        assertThat(lines).hasSize(11).allMatch(ImportLine::isValid);
        assertThat(lines.stream().map(ImportLine::number)).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 11L, 12L, 13L);
        assertThat(((MessagePosted) lines.get(1).event().getPayload()).getText()).isEqualTo("Hello, my parcel \"never\" came");
        assertThat(((MessagePosted) lines.get(7).event().getPayload()).getText()).isEqualTo("Sorry!\nIt is on its way.");
        assertThat(((ConversationTransferred) lines.get(5).event().getPayload()).getToQueueId()).isEqualTo("billing");
    }

    @Test
    void reportsEveryInvalidLineWithItsNumberFieldAndReason() throws Exception {
        List<ImportLine> lines = readAll(EXAMPLES.resolve("invalid.jsonl"), HistoryFormat.JSONL);
        assertThat(lines.stream().map(line -> line.isValid() ? "ok" : line.problem().toString())).containsExactly(
                "ok",
                "line 2, field at: '2026-03-02T09:00:01' is not an ISO-8601 time with Z or an offset,"
                        + " e.g. 2026-03-02T09:15:04Z or 2026-03-02T10:15:04+01:00",
                "line 3, field rating: 7 is outside 1..5",
                "line 4: not valid JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array, Object"
                        + " or token 'null', 'true' or 'false')",
                "line 5, field conversation: missing");
    }

    @Test
    void anUnclosedQuoteIsOneInvalidRowNotASilentEndOfFile() throws Exception {
        Path file = temp.resolve("open.csv");
        Files.writeString(file, "tenant,conversation,type,at,text\nacme,c-1,message,2026-03-02T09:00:00Z,\"oops\n"
                + "acme,c-1,opened,2026-03-02T09:00:00Z,\n");
        List<ImportLine> lines = readAll(file, HistoryFormat.CSV);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).problem().toString()).isEqualTo("line 2: a quoted cell opened in this row is never closed");
    }

    private List<ImportLine> readAll(Path file, HistoryFormat format) throws Exception {
        List<ImportLine> lines = new ArrayList<>();
        try (HistoryReader reader = HistoryReader.open(file, format, mapping)) {
            for (ImportLine line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
            assertThat(reader.bytesRead()).isEqualTo(Files.size(file));
        }
        return lines;
    }

    private static void assertRefused(LineParser parser, String row, String field, String reason) {
        assertThatThrownBy(() -> parser.fields(row)).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(reason);
        });
    }
}
