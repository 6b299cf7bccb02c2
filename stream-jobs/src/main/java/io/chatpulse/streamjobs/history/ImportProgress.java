package io.chatpulse.streamjobs.history;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The import's progress bars on stderr (me.tongfei progressbar): on a terminal one line redrawn in
 * place 5 times a second; in a log (CI, a redirect) a plain line every 5 seconds, since carriage
 * returns there only make noise. Percent, rate and ETA are the library's.
 */
final class ImportProgress implements AutoCloseable {

    static final int TERMINAL_EVERY_MS = 200;
    static final int LOG_EVERY_MS = 5_000;
    private static final int MB = 1 << 20;

    private final ProgressBar bar;
    private final Ending ending;

    private ImportProgress(PrintStream err, boolean terminal, ProgressBarBuilder builder) {
        this.ending = new Ending(terminal ? new ConsoleProgressBarConsumer(err)
                : new DelegatingProgressBarConsumer(err::println, 100));
        this.bar = builder.setStyle(ProgressBarStyle.ASCII).showSpeed()
                .setUpdateIntervalMillis(terminal ? TERMINAL_EVERY_MS : LOG_EVERY_MS).setConsumer(ending).build();
    }

    /** The check of the file, by bytes read (rows vary in length, the file size is known up front). */
    static ImportProgress checking(PrintStream err, boolean terminal, long fileBytes) {
        return new ImportProgress(err, terminal,
                new ProgressBarBuilder().setTaskName("checking").setInitialMax(fileBytes).setUnit(" MB", MB));
    }

    /** The events sent to Kafka, of those the check found valid. */
    static ImportProgress importing(PrintStream err, boolean terminal, long events) {
        return new ImportProgress(err, terminal,
                new ProgressBarBuilder().setTaskName("importing").setInitialMax(events).setUnit(" events", 1));
    }

    void stepTo(long done) {
        bar.stepTo(done);
    }

    @Override
    public void close() {
        bar.close();
        // progressbar 0.10.1 skips ending the line when the bar is closed before its first redraw
        // (a file read in a blink): the next output would land on the bar's line.
        ending.close();
    }

    /** Closes the library's consumer exactly once, whichever of the library and us gets there first. */
    private static final class Ending implements ProgressBarConsumer {

        private final ProgressBarConsumer consumer;
        private boolean closed;

        Ending(ProgressBarConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public int getMaxRenderedLength() {
            return consumer.getMaxRenderedLength();
        }

        @Override
        public synchronized void accept(String rendered) {
            consumer.accept(rendered);
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                consumer.close();
            }
        }
    }
}
