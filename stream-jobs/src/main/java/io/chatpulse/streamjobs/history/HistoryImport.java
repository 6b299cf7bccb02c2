package io.chatpulse.streamjobs.history;

import io.chatpulse.events.ConversationEvent;
import io.chatpulse.events.Topics;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.kafka.common.KafkaException;

/**
 * One run of the import: a validation pass over the whole file, then (unless told otherwise)
 * the sending pass. Two passes, so an invalid file sends nothing at all.
 */
final class HistoryImport {

    private final ImportOptions options;
    private final EventMapping mapping;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    HistoryImport(ImportOptions options, EventMapping mapping, PrintStream out, PrintStream err, boolean terminal) {
        this.options = options;
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
            importEvents(validation);
            return HistoryImportCommand.OK;
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
        ProgressBar bar = new ProgressBar(err, terminal, "checking ", "lines", Files.size(options.file()), System::nanoTime);
        long lines = 0;
        try (HistoryReader reader = HistoryReader.open(options.file(), options.format(), mapping)) {
            for (ImportLine line = reader.next(); line != null; line = reader.next()) {
                validation.add(line);
                bar.update(reader.bytesRead(), ++lines);
            }
            bar.finish(reader.bytesRead(), lines);
        }
        return validation;
    }

    private void reportProblems(Validation validation) {
        err.println(validation.invalid() + " invalid lines" + (validation.invalid() > Validation.REASONS_SHOWN
                ? ", the first " + Validation.REASONS_SHOWN + ":" : ":"));
        validation.firstProblems().forEach(problem -> err.println("  " + problem));
    }

    private void importEvents(Validation validation) throws IOException, InvalidFieldException {
        long started = System.nanoTime();
        ProgressBar bar = new ProgressBar(err, terminal, "importing", "events", validation.events(), System::nanoTime);
        long[] sent = {0};
        try (EventSender sender = new EventSender(options.bootstrapServers());
                HistoryReader reader = HistoryReader.open(options.file(), options.format(), mapping)) {
            forEachEvent(reader, validation.inTimeOrder(), event -> {
                sender.send(event);
                bar.update(++sent[0], sent[0]);
            });
            sender.flush();
            bar.finish(sent[0], sent[0]);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "%d events imported to %s in %.1f s (%.0f events/s)%n", sent[0],
                Topics.CONVERSATION_EVENTS, seconds, sent[0] / Math.max(seconds, 1e-3));
        if (validation.invalid() > 0) {
            out.println(validation.invalid() + " invalid lines skipped (reasons above)");
        }
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
