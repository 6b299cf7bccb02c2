package io.chatpulse.metrics.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a table row by row to a stream, so an export never has to fit in memory. Cells are
 * String, Long, Double or null (an empty cell).
 */
public interface TableWriter extends AutoCloseable {

    void header(List<String> names) throws IOException;

    void row(List<Object> cells) throws IOException;

    /** Finishes the file; the caller's stream stays open. */
    @Override
    void close() throws IOException;

    static TableWriter open(ExportFormat format, OutputStream out, String sheetName) {
        return format == ExportFormat.CSV ? new CsvTableWriter(out) : new XlsxTableWriter(out, sheetName);
    }
}
