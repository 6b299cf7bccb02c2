package io.chatpulse.streamjobs.history;

import java.util.Map;

/** Turns the text of one row of an import file into its named fields; an empty value is left out. */
interface LineParser {

    /** Whether the text read so far is a whole row (a quoted CSV cell may hold line breaks). */
    default boolean isComplete(String row) {
        return true;
    }

    Map<String, String> fields(String row) throws InvalidFieldException;
}
