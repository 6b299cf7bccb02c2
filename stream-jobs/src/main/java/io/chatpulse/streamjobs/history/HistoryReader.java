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
    private final RowParser rows;
    private final EventMapping mapping;

    private HistoryReader(CountingStream bytes, RowParser rows, EventMapping mapping) {
        this.bytes = bytes;
        this.rows = rows;
        this.mapping = mapping;
    }

    /** Opens the file; for CSV reads and checks the header (a bad header makes every row unreadable). */
    static HistoryReader open(Path file, HistoryFormat format, EventMapping mapping)
            throws IOException, InvalidFieldException {
        CountingStream bytes = new CountingStream(Files.newInputStream(file));
        BufferedReader text = new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), 1 << 16);
        try {
            RowParser rows = format == HistoryFormat.JSONL ? LineParser.rows(text, new JsonLineParser())
                    : CsvLineParser.open(text);
            return new HistoryReader(bytes, rows, mapping);
        } catch (IOException | InvalidFieldException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /** The next row's event or problem; null at the end of the file. */
    ImportLine next() throws IOException {
        RowParser.Row row = rows.next();
        if (row == null) {
            return null;
        }
        if (row.problem() != null) {
            return ImportLine.invalid(row.line(), row.problem());
        }
        try {
            return ImportLine.valid(row.line(), mapping.event(row.fields()));
        } catch (InvalidFieldException e) {
            return ImportLine.invalid(row.line(), e);
        }
    }

    long bytesRead() {
        return bytes.count;
    }

    @Override
    public void close() throws IOException {
        rows.close();
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
