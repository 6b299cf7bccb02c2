package io.chatpulse.streamjobs.history;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;

/** Reads the rows of an import file, each as its named fields (an empty value left out) or why it has none. */
interface RowParser extends Closeable {

    /** The next row that is not blank; null at the end of the file. */
    Row next() throws IOException;

    /** A row and the line of the file it starts on. */
    record Row(long line, Map<String, String> fields, InvalidFieldException problem) {

        static Row valid(long line, Map<String, String> fields) {
            return new Row(line, fields, null);
        }

        static Row invalid(long line, InvalidFieldException problem) {
            return new Row(line, null, problem);
        }
    }
}
