package io.chatpulse.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One migration file, statements separated by {@code ;}: a versioned one, {@code V<version>__<name>.sql},
 * applied once, or the repeatable one, {@code R__<name>.sql} (version 0), applied again whenever it
 * changed (decision 35).
 */
public record Migration(int version, String fileName, String sql) {

    /** The version recorded for the repeatable file in the history table. */
    static final int REPEATABLE = 0;
    private static final Pattern FILE_NAME = Pattern.compile("(?:V(\\d+)|R)__[A-Za-z0-9_]+\\.sql");

    public static Migration of(String fileName, String sql) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches() || (m.group(1) != null && Integer.parseInt(m.group(1)) == REPEATABLE)) {
            throw new IllegalArgumentException("migration file name must look like V001__what_it_does.sql"
                    + " (or R__what_it_is.sql for the repeatable one): " + fileName);
        }
        return new Migration(m.group(1) == null ? REPEATABLE : Integer.parseInt(m.group(1)), fileName, sql);
    }

    public boolean repeatable() {
        return version == REPEATABLE;
    }

    /** The statements without comment lines; a statement ends with {@code ;} at the end of a line. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    /** SHA-256 of the file, so an edited released migration is caught instead of silently skipped. */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
