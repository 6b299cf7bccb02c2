package io.chatpulse.streamjobs.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as RFC 4180 writes it (and spreadsheets export it): comma separated, a header row naming
 * the fields, cells in double quotes may hold commas, line breaks and doubled quotes.
 */
final class CsvLineParser implements LineParser {

    private final List<String> header;

    private CsvLineParser(List<String> header) {
        this.header = header;
    }

    /** The parser for the rows under this header; refuses a header the import cannot read. */
    static CsvLineParser ofHeader(String headerRow) throws InvalidFieldException {
        List<String> names = cells(headerRow.startsWith("\uFEFF") ? headerRow.substring(1) : headerRow)
                .stream().map(String::strip).toList();
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
        return new CsvLineParser(names);
    }

    @Override
    public boolean isComplete(String row) {
        // Doubled quotes inside a cell come in pairs: an odd count means a quoted cell is still open.
        return row.chars().filter(c -> c == '"').count() % 2 == 0;
    }

    @Override
    public Map<String, String> fields(String row) throws InvalidFieldException {
        List<String> cells = cells(row);
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

    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
