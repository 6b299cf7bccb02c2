package io.chatpulse.metrics.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {

    @Test
    void quotesWhatNeedsItAndKeepsFormulasAsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter table = TableWriter.open(ExportFormat.CSV, out, "x")) {
            table.header(List.of("a", "b", "c", "d"));
            table.row(Arrays.asList("x,y", "say \"hi\"", null, 0.1 + 0.2));
            table.row(Arrays.asList("=HYPERLINK(\"http://evil\")", -3L, "ok", 4500.0));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("a,b,c,d\r\n"
                + "\"x,y\",\"say \"\"hi\"\"\",,0.30000000000000004\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\")\",-3,ok,4500.0\r\n");
    }
}
