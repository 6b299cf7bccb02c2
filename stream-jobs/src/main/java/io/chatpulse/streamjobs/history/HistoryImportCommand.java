package io.chatpulse.streamjobs.history;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Map;

/**
 * Imports historical conversations from JSON Lines or CSV into {@code chatpulse.conversation-events}
 * with their original event times, so the KPI job computes their figures as for live events; the
 * live queue monitor skips them, and the import replays them through the alert rules itself
 * ({@link ImportReplay}: alert history marked replay, never paged). {@code --help}
 * describes the fields; stream-jobs/README.md has the full table.
 */
public final class HistoryImportCommand {

    static final int OK = 0;
    static final int INVALID_INPUT = 1;
    static final int USAGE = 2;
    static final int KAFKA_FAILED = 3;
    static final int REPLAY_FAILED = 4;

    private HistoryImportCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, System.console() != null));
    }

    /** @param terminal whether stderr is a terminal: the progress bar is then redrawn in place */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, boolean terminal) {
        ImportOptions options;
        try {
            options = ImportOptions.parse(args, env);
        } catch (ImportOptions.UsageException e) {
            err.println("history import: " + e.getMessage() + " (see --help)");
            return USAGE;
        }
        if (options.help()) {
            out.print(ImportOptions.USAGE);
            return OK;
        }
        if (!Files.isRegularFile(options.file())) {
            err.println("history import: no such file " + options.file());
            return USAGE;
        }
        return new HistoryImport(options, env, new EventMapping(Instant.now()), out, err, terminal).run();
    }
}
