package io.chatpulse.streamjobs.history;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Map;

/** Turns the text of one line of an import file into its named fields; an empty value is left out. */
interface LineParser {

    Map<String, String> fields(String line) throws InvalidFieldException;

    /** The rows of a file with one row per line (JSON Lines). */
    static RowParser rows(BufferedReader text, LineParser parser) {
        return new RowParser() {
            private long lineNumber;

            @Override
            public Row next() throws IOException {
                String line = text.readLine();
                lineNumber++;
                while (line != null && line.isBlank()) {
                    line = text.readLine();
                    lineNumber++;
                }
                if (line == null) {
                    return null;
                }
                try {
                    return Row.valid(lineNumber, parser.fields(line));
                } catch (InvalidFieldException e) {
                    return Row.invalid(lineNumber, e);
                }
            }

            @Override
            public void close() throws IOException {
                text.close();
            }
        };
    }
}
