package io.chatpulse.streamjobs.history;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as RFC 4180 writes it (and spreadsheets export it), read by Apache Commons CSV: comma
 * separated, a header row naming the fields, cells in double quotes may hold commas, line breaks
 * and doubled quotes. Each row comes with the line it starts on, for the problem report.
 */
final class CsvLineParser implements RowParser {

    /** Text after a closing quote is kept, as spreadsheets read {@code "ab"c}, rather than failing the file. */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setIgnoreEmptyLines(false).setTrailingData(true).get();

    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long linesRead;
    private boolean ended;

    private CsvLineParser(CSVParser csv, Iterator<CSVRecord> records, List<String> header) {
        this.csv = csv;
        this.records = records;
        this.header = header;
        this.linesRead = csv.getCurrentLineNumber();
    }

    /** Reads and checks the header row; refuses a header the import cannot read. */
    static CsvLineParser open(Reader text) throws IOException, InvalidFieldException {
        CSVParser csv = CSVParser.builder().setReader(text).setFormat(FORMAT).get();
        Iterator<CSVRecord> records = csv.iterator();
        CSVRecord first = nextOrNull(records);
        if (first == null) {
            throw new InvalidFieldException(null, "empty file; a CSV file starts with a header row");
        }
        return new CsvLineParser(csv, records, header(first.toList()));
    }

    static List<String> header(List<String> cells) throws InvalidFieldException {
        List<String> names = cells.stream().map(String::strip)
                .map(name -> name.startsWith("\uFEFF") ? name.substring(1) : name).toList();
        for (String name : names) {
            if (!EventMapping.FIELDS.contains(name)) {
                throw new InvalidFieldException(name, "unknown column; the columns are " + String.join(", ",
                        EventMapping.FIELDS));
            }
            if (names.indexOf(name) != names.lastIndexOf(name)) {
                throw new InvalidFieldException(name, "column named twice");
            }
        }
        for (String required : EventMapping.ALWAYS_REQUIRED) {
            if (!names.contains(required)) {
                throw new InvalidFieldException(required, "the header has no such column; it is required");
            }
        }
        return names;
    }

    @Override
    public Row next() throws IOException {
        CSVRecord record;
        long line;
        do {
            line = linesRead + 1;
            try {
                record = ended ? null : nextOrNull(records);
            } catch (UncheckedIOException e) {
                if (!String.valueOf(e.getCause().getMessage()).contains("EOF reached before encapsulated token")) {
                    throw e.getCause();
                }
                // As a spreadsheet reads it: the open quote runs to the end of the file, one bad row.
                ended = true;
                return Row.invalid(line, new InvalidFieldException(null, "a quoted cell opened in this row is never closed"));
            }
            if (record == null) {
                return null;
            }
            linesRead = csv.getCurrentLineNumber();
        } while (record.size() == 1 && record.get(0).isBlank());
        try {
            return Row.valid(line, fields(record.toList()));
        } catch (InvalidFieldException e) {
            return Row.invalid(line, e);
        }
    }

    Map<String, String> fields(List<String> cells) throws InvalidFieldException {
        if (cells.size() != header.size()) {
            throw new InvalidFieldException(null, cells.size() + " cells, the header has " + header.size());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isEmpty()) {
                fields.put(header.get(i), cells.get(i));
            }
        }
        return fields;
    }

    /** The next record; the iterator is not asked hasNext() first, which would read one record ahead. */
    private static CSVRecord nextOrNull(Iterator<CSVRecord> records) {
        try {
            return records.next();
        } catch (NoSuchElementException end) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
