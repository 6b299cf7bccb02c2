package io.chatpulse.e2e.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls with a deadline; never a bare sleep that hopes. */
final class Await {

    private Await() {
    }

    /** Until {@code probe} gives a value that is {@code done}; fails naming {@code what} and the last value. */
    static <T> T until(String what, Duration timeout, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(what + " did not happen within " + timeout + "; last seen: " + value);
            }
            pause();
            value = probe.get();
        }
        return value;
    }

    /**
     * Until {@code probe} gives a value that is {@code done}, or the time is up: returns the last
     * value either way, for an assertion that shows how it differs.
     */
    static <T> T latest(Duration timeout, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T value = probe.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            pause();
            value = probe.get();
        }
        return value;
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
