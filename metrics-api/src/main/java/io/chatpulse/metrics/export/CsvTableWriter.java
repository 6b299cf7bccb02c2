package io.chatpulse.metrics.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV, UTF-8, CRLF line ends. Numbers are written as Java prints them (the shortest text
 * that reads back as the same double), so a figure parsed back equals the JSON one exactly.
 */
final class CsvTableWriter implements TableWriter {

    private final Writer out;

    CsvTableWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
    }

    @Override
    public void header(List<String> names) throws IOException {
        row(List.copyOf(names));
    }

    @Override
    public void row(List<Object> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof String)) {
            return text;
        }
        // A text cell starting with = + - @ would run as a formula in a spreadsheet (comments are
        // customer input): a leading ' keeps it text.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return needsQuotes(text) ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean needsQuotes(String text) {
        return text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
