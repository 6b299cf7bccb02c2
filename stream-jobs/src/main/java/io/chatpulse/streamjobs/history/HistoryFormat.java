package io.chatpulse.streamjobs.history;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats the import reads: JSON Lines and CSV with a header row. */
enum HistoryFormat {
    JSONL, CSV;

    /** By extension: .jsonl or .ndjson, .csv. */
    static Optional<HistoryFormat> ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Optional.of(JSONL);
        }
        return name.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }

    /** By the --format option: jsonl (or ndjson) or csv. */
    static Optional<HistoryFormat> ofName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jsonl", "ndjson" -> Optional.of(JSONL);
            case "csv" -> Optional.of(CSV);
            default -> Optional.empty();
        };
    }
}
