package io.chatpulse.e2e.fault;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition with a deadline, polling: never a bare sleep that hopes. */
public final class Poll {

    private Poll() {
    }

    /** The first non-null value of {@code probe}; fails naming {@code what} and the last value seen. */
    public static <T> T until(String what, Duration timeout, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            pause(250);
        }
        throw new AssertionError(what + " did not happen within " + timeout);
    }

    /**
     * The first value of {@code probe} that is {@code done}, or the last one seen at the deadline, so
     * the caller's assertion shows how far from done it was.
     */
    static <T> T latest(Duration timeout, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            pause(250);
            value = probe.get();
        }
        return value;
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
