package io.chatpulse.streamjobs.history;

import java.nio.file.Path;
import java.util.Map;

/** The command line of {@link HistoryImportCommand}. */
record ImportOptions(Path file, HistoryFormat format, String bootstrapServers, String clickHouseUrl, boolean dryRun,
        boolean skipInvalid, boolean replay, boolean help) {

    static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    static final String DEFAULT_CLICKHOUSE_URL = "jdbc:clickhouse://127.0.0.1:8123/default";

    static final String USAGE = """
            Usage: HistoryImportCommand [options] FILE

            Imports historical conversations (e.g. another help desk's export) into
            chatpulse.conversation-events with their original times, one event per line
            (.jsonl / .ndjson: a JSON object a line; .csv: a header row naming the fields).
            Every line is checked first; nothing is sent while a line is invalid.

              --bootstrap-servers HOSTS  Kafka (default: $KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092)
              --clickhouse-url URL       where the replay of the import records its alerts (default:
                                         $CLICKHOUSE_URL, else jdbc:clickhouse://127.0.0.1:8123/default)
              --no-replay                send the events only; record no alert history for them
              --format jsonl|csv         when the file name does not say
              --dry-run                  check the file only, send nothing
              --skip-invalid             import the valid lines, report the others
              --help                     this text

            Fields (always: tenant, conversation, type, at):
              at         ISO-8601 time with Z or an offset: 2026-03-02T09:15:04Z, 2026-03-02T10:15:04+01:00
              type       opened         channel (web|app|social|api|other), customer, queue
                         queued         queue*, reason (new|bot_handoff|transfer|reopen|requeue|other)
                         assigned       agent*, queue
                         message        sender* (customer|agent|bot|system), agent (* for sender agent),
                                        message_id, content_type (text|image|file), text,
                                        attachment_url, size_bytes
                         transferred    from_agent, to_agent and/or to_queue*
                         resolved       agent, by (customer|agent|bot|system)
                         reopened       by
                         abandoned      queue, reason (customer_left|timed_out|other)
                         survey_offered agent
                         csat_submitted rating* (1..5), comment, agent
              (* required; other fields of a line are ignored. See stream-jobs/README.md.)

            Imported events never change the live queue figures and never page anyone: the live
            queue monitor skips them. Once Kafka has them all, the import replays them through the
            monitor's alert rules (ALERT_RULES / ALERT_RULES_FILE, as the monitor's) and records
            the alerts of that history in alert_history, marked replay.

            Event ids are derived from the line's content: importing a file again counts nothing twice.
            Exit codes: 0 imported (or valid, with --dry-run), 1 invalid input, 2 bad usage,
            3 Kafka did not take every event, 4 the events are in, their replay failed (importing
            again is safe in both cases).
            """;

    /** Reads the arguments; the bootstrap servers default to the environment's. */
    static ImportOptions parse(String[] args, Map<String, String> env) throws UsageException {
        String servers = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", DEFAULT_BOOTSTRAP_SERVERS);
        String clickHouse = env.getOrDefault("CLICKHOUSE_URL", DEFAULT_CLICKHOUSE_URL);
        String format = null;
        Path file = null;
        boolean dryRun = false;
        boolean skipInvalid = false;
        boolean replay = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return new ImportOptions(null, null, servers, clickHouse, false, false, false, true);
                }
                case "--bootstrap-servers" -> servers = value(args, ++i, "--bootstrap-servers");
                case "--clickhouse-url" -> clickHouse = value(args, ++i, "--clickhouse-url");
                case "--format" -> format = value(args, ++i, "--format");
                case "--dry-run" -> dryRun = true;
                case "--skip-invalid" -> skipInvalid = true;
                case "--no-replay" -> replay = false;
                default -> file = file(args[i], file);
            }
        }
        if (file == null) {
            throw new UsageException("no FILE given");
        }
        return new ImportOptions(file, format(format, file), servers, clickHouse, dryRun, skipInvalid, replay, false);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static Path file(String arg, Path earlier) throws UsageException {
        if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
        }
        if (earlier != null) {
            throw new UsageException("one FILE at a time: " + earlier + " and " + arg);
        }
        return Path.of(arg);
    }

    private static HistoryFormat format(String name, Path file) throws UsageException {
        if (name != null) {
            return HistoryFormat.ofName(name).orElseThrow(
                    () -> new UsageException("--format " + name + ": jsonl or csv"));
        }
        return HistoryFormat.ofFile(file).orElseThrow(() -> new UsageException(
                "cannot tell the format of " + file.getFileName() + " (.jsonl, .ndjson, .csv): give --format"));
    }

    /** Arguments the command cannot run with (exit code 2). */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
