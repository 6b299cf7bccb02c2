package io.chatpulse.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of SQL's lexical rules to find a keyword or a comma outside parentheses and
 * quotes: column comments and Enum labels may hold any word, comma or bracket.
 */
final class SqlText {

    private SqlText() {
    }

    /** Where the word starts outside parentheses and quotes (case-insensitive), or -1. */
    static int indexOfTopLevel(String sql, String word) {
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = closingQuote(sql, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0 && startsWordAt(sql, i, word)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the parenthesis that closes the one at {@code open}. */
    static int closingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = closingQuote(sql, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses in: " + sql);
    }

    /** The parts between commas outside parentheses and quotes, stripped. */
    static List<String> splitTopLevel(String sql) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '`' || c == '"') {
                i = closingQuote(sql, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(sql.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(sql.substring(start).strip());
        return parts;
    }

    private static int closingQuote(String sql, int open) {
        char quote = sql.charAt(open);
        for (int i = open + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == '\\') {
                i++;
            } else if (sql.charAt(i) == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("unterminated quote in: " + sql);
    }

    private static boolean startsWordAt(String sql, int i, String word) {
        return sql.regionMatches(true, i, word, 0, word.length())
                && (i == 0 || !isWordChar(sql.charAt(i - 1)))
                && (i + word.length() == sql.length() || !isWordChar(sql.charAt(i + word.length())));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
