package io.chatpulse.streamjobs.history;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import io.chatpulse.streamjobs.JobConfig;
import io.chatpulse.streamjobs.QueueMonitorJob;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;

/**
 * One run of the import: a validation pass over the whole file, then (unless told otherwise)
 * the sending pass. Two passes, so an invalid file sends nothing at all.
 */
final class HistoryImport {

    private final ImportOptions options;
    private final Map<String, String> env;
    private final EventMapping mapping;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /** @param env the environment, for the replay's alert rules (ALERT_RULES, ALERT_RULES_FILE) */
    HistoryImport(ImportOptions options, Map<String, String> env, EventMapping mapping, PrintStream out, PrintStream err,
                  boolean terminal) {
        this.options = options;
        this.env = env;
        this.mapping = mapping;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    int run() {
        try {
            Validation validation = validate();
            if (validation.invalid() > 0) {
                reportProblems(validation);
                if (!options.skipInvalid()) {
                    err.println("nothing imported: correct these lines, or import the valid ones with --skip-invalid");
                    return HistoryImportCommand.INVALID_INPUT;
                }
            }
            if (validation.events() == 0) {
                err.println("nothing imported: " + options.file() + " holds no valid event");
                return HistoryImportCommand.INVALID_INPUT;
            }
            if (options.dryRun()) {
                out.println(validation.events() + " valid events in " + options.file() + "; nothing sent (--dry-run)");
                return HistoryImportCommand.OK;
            }
            ImportedRecords imported = importEvents(validation);
            return options.replay() ? replay(imported) : HistoryImportCommand.OK;
        } catch (InvalidFieldException e) {
            err.println("nothing imported: " + LineProblem.of(1, e));
            return HistoryImportCommand.INVALID_INPUT;
        } catch (IOException e) {
            err.println("nothing imported: cannot read " + options.file() + ": " + e.getMessage());
            return HistoryImportCommand.INVALID_INPUT;
        } catch (KafkaException e) {
            err.println("import incomplete: " + e.getMessage() + " (importing the file again is safe: same event ids)");
            return HistoryImportCommand.KAFKA_FAILED;
        }
    }

    private Validation validate() throws IOException, InvalidFieldException {
        Validation validation = new Validation();
        try (HistoryReader reader = HistoryReader.open(options.file(), options.format(), mapping);
                ImportProgress bar = ImportProgress.checking(err, terminal, Files.size(options.file()))) {
            for (ImportLine line = reader.next(); line != null; line = reader.next()) {
                validation.add(line);
                bar.stepTo(reader.bytesRead());
            }
        }
        return validation;
    }

    private void reportProblems(Validation validation) {
        err.println(validation.invalid() + " invalid lines" + (validation.invalid() > Validation.REASONS_SHOWN
                ? ", the first " + Validation.REASONS_SHOWN + ":" : ":"));
        validation.firstProblems().forEach(problem -> err.println("  " + problem));
    }

    private ImportedRecords importEvents(Validation validation) throws IOException, InvalidFieldException {
        long started = System.nanoTime();
        long[] sent = {0};
        ImportedRecords imported = new ImportedRecords(UUID.randomUUID().toString());
        try (EventSender sender = new EventSender(options.bootstrapServers(), imported);
                HistoryReader reader = HistoryReader.open(options.file(), options.format(), mapping);
                ImportProgress bar = ImportProgress.importing(err, terminal, validation.events())) {
            forEachEvent(reader, validation.inTimeOrder(), event -> {
                sender.send(event);
                bar.stepTo(++sent[0]);
            });
            sender.flush();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "%d events imported to %s in %.1f s (%.0f events/s)%n", sent[0],
                Topics.CONVERSATION_EVENTS, seconds, sent[0] / Math.max(seconds, 1e-3));
        if (validation.invalid() > 0) {
            out.println(validation.invalid() + " invalid lines skipped (reasons above)");
        }
        return imported;
    }

    /**
     * The imported events through the queue monitor's rules, as a replay ({@link ImportReplay}). The
     * events are in Kafka already: a failure here loses nothing, and the replay can be had again by
     * importing the file again (same event ids, same alerts).
     */
    private int replay(ImportedRecords imported) {
        err.println("replaying the import through the alert rules (alert_history, marked replay; nothing is paged) ...");
        long started = System.nanoTime();
        try {
            ImportReplay.run(replayConfig(), imported);
        } catch (Exception e) {
            err.println("events imported, but their alert history was not recorded: " + rootCause(e)
                    + " (importing the file again records it and counts no event twice)");
            return HistoryImportCommand.REPLAY_FAILED;
        }
        out.printf(Locale.ROOT, "alert history of the import recorded (replay) in %.1f s%n",
                (System.nanoTime() - started) / 1e9);
        return HistoryImportCommand.OK;
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + cause;
    }

    private JobConfig replayConfig() {
        Map<String, String> settings = new HashMap<>(env);
        settings.put(JobConfig.KAFKA_BOOTSTRAP_SERVERS.name(), options.bootstrapServers());
        settings.put(JobConfig.CLICKHOUSE_URL.name(), options.clickHouseUrl());
        settings.put(JobConfig.SOURCE_BOUNDED.name(), "true");
        settings.put(JobConfig.RESTORE_FROM.name(), "none");
        settings.put(JobConfig.PARALLELISM.name(), "1");
        // A port of its own: the MiniCluster's REST API would otherwise take Flink's 8081 (metrics-api's).
        settings.put(JobConfig.REST_PORT.name(), "0");
        settings.remove(JobConfig.CHECKPOINT_DIR.name());
        return QueueMonitorJob.config(settings);
    }

    /**
     * The valid events in event-time order: the KPI job applies a conversation's events in the
     * order they arrive, and the queue monitor applies an event behind its watermark as if it came
     * later. A file already in order streams; another is sorted in memory (stable: equal times keep
     * the file's order).
     */
    private static void forEachEvent(HistoryReader reader, boolean inTimeOrder, Consumer<ConversationEvent> action)
            throws IOException {
        if (!inTimeOrder) {
            List<ConversationEvent> events = new ArrayList<>();
            forEachEvent(reader, true, events::add);
            events.sort(Comparator.comparingLong(ConversationEvent::getEventTime));
            events.forEach(action);
            return;
        }
        for (ImportLine line = reader.next(); line != null; line = reader.next()) {
            if (line.isValid()) {
                action.accept(line.event());
            }
        }
    }
}
