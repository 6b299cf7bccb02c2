package io.chatpulse.schema;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code CREATE TABLE} statement cut where the cluster layout changes it: the name, what comes
 * before the engine (a column list, or {@code AS other}), the engine with its arguments, and the
 * clauses after it (PARTITION BY, ORDER BY, TTL, ...), which stay as they are.
 */
record CreateTable(boolean ifNotExists, String name, String structure, String copiedFrom, String engine,
                   String engineArguments, String clauses) {

    private static final Pattern HEAD = Pattern.compile(
            "CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern COPY = Pattern.compile("AS\\s+(\\w+)\\s*", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENGINE = Pattern.compile("ENGINE\\s*=\\s*(\\w+)\\s*", Pattern.CASE_INSENSITIVE);

    /** Null when the statement is no CREATE TABLE. */
    static CreateTable parse(String statement) {
        Matcher head = HEAD.matcher(statement.strip());
        if (!head.matches()) {
            return null;
        }
        String body = head.group(3);
        int engineAt = SqlText.indexOfTopLevel(body, "ENGINE");
        if (engineAt < 0) {
            throw new IllegalArgumentException("CREATE TABLE " + head.group(2) + " names no ENGINE");
        }
        Matcher engine = ENGINE.matcher(body).region(engineAt, body.length());
        if (!engine.lookingAt()) {
            throw new IllegalArgumentException("CREATE TABLE " + head.group(2) + ": cannot read its ENGINE clause");
        }
        String afterName = body.substring(engine.end());
        String arguments = afterName.startsWith("(") ? afterName.substring(1, SqlText.closingParenthesis(afterName, 0)) : null;
        String clauses = arguments == null ? afterName : afterName.substring(arguments.length() + 2);
        String structure = body.substring(0, engineAt);
        Matcher copy = COPY.matcher(structure);
        return new CreateTable(head.group(1) != null, head.group(2), structure,
                copy.matches() ? copy.group(1) : null, engine.group(1), arguments, clauses.strip());
    }

    boolean isMergeTreeFamily() {
        return engine.endsWith("MergeTree");
    }

    String ifNotExistsClause() {
        return ifNotExists ? "IF NOT EXISTS " : "";
    }
}
