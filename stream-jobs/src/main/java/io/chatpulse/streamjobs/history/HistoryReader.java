package io.chatpulse.streamjobs.history;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an import file row by row into events (or the reason a row holds none), counting the
 * bytes read so far for the progress bar. Blank lines are skipped.
 */
final class HistoryReader implements Closeable {

    private final CountingStream bytes;
    private final BufferedReader text;
    private final LineParser parser;
    private final EventMapping mapping;
    private long lineNumber;
    private long rowStart;

    private HistoryReader(CountingStream bytes, BufferedReader text, LineParser parser, EventMapping mapping) {
        this.bytes = bytes;
        this.text = text;
        this.parser = parser;
        this.mapping = mapping;
    }

    /** Opens the file; for CSV reads and checks the header (a bad header makes every row unreadable). */
    static HistoryReader open(Path file, HistoryFormat format, EventMapping mapping)
            throws IOException, InvalidFieldException {
        CountingStream bytes = new CountingStream(Files.newInputStream(file));
        BufferedReader text = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16);
        try {
            if (format == HistoryFormat.JSONL) {
                return new HistoryReader(bytes, text, new JsonLineParser(), mapping);
            }
            String header = text.readLine();
            if (header == null) {
                throw new InvalidFieldException(null, "empty file; a CSV file starts with a header row");
            }
            HistoryReader reader = new HistoryReader(bytes, text, CsvLineParser.ofHeader(header), mapping);
            reader.lineNumber = 1;
            return reader;
        } catch (IOException | InvalidFieldException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /** The next row's event or problem; null at the end of the file. */
    ImportLine next() throws IOException {
        String row = nextRow();
        while (row != null && row.isBlank()) {
            row = nextRow();
        }
        if (row == null) {
            return null;
        }
        try {
            if (!parser.isComplete(row)) {
                throw new InvalidFieldException(null, "a quoted cell opened in this row is never closed");
            }
            return ImportLine.valid(rowStart, mapping.event(parser.fields(row)));
        } catch (InvalidFieldException e) {
            return ImportLine.invalid(rowStart, e);
        }
    }

    long bytesRead() {
        return bytes.count;
    }

    private String nextRow() throws IOException {
        String row = text.readLine();
        if (row == null) {
            return null;
        }
        rowStart = ++lineNumber;
        while (!parser.isComplete(row)) {
            String more = text.readLine();
            if (more == null) {
                return row;
            }
            lineNumber++;
            row = row + "\n" + more;
        }
        return row;
    }

    @Override
    public void close() throws IOException {
        text.close();
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }
}
